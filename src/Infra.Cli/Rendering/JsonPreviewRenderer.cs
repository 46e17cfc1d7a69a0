using System.Text.Json;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>
/// <c>preview --json</c>: collects the run and prints one JSON document (4-space indent) at the end, shaped
/// like Pulumi's preview digest: <c>config</c> (secrets as <c>[secret]</c>), <c>steps</c> (op, urn,
/// <c>oldState</c>/<c>newState</c> with urn, type and parent, <c>diffReasons</c>, <c>replaceReasons</c>,
/// <c>detailedDiff</c>), <c>diagnostics</c>, <c>duration</c> in nanoseconds and <c>changeSummary</c>.
/// Unchanged resources are left out except the stack. Property values are never written, so no secret can leak.
/// </summary>
internal sealed class JsonPreviewRenderer : IOperationObserver
{
    private readonly TextWriter _writer;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _config;
    private readonly Lock _gate = new();
    private readonly List<ResourceStepEvent> _steps = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <param name="writer">Where the document goes.</param>
    /// <param name="config">The stack's config as displayed (secrets already replaced by <c>[secret]</c>).</param>
    public JsonPreviewRenderer(TextWriter writer, IReadOnlyList<KeyValuePair<string, string>> config)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(config);
        _writer = writer;
        _config = config;
    }

    /// <summary>The collected state of the run.</summary>
    public ProgressModel Model { get; } = new();

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operationEvent);
        lock (_gate)
        {
            Model.Apply(operationEvent);
            if (operationEvent is ResourceStepEvent step && !TypeDisplay.IsDefaultProvider(step.Type, step.Name))
            {
                if (_seen.Add(step.Urn))
                {
                    _steps.Add(step);
                }
                else
                {
                    var index = _steps.FindIndex(s => s.Urn == step.Urn);
                    _steps[index] = step with { Changes = step.Changes.IsDefaultOrEmpty ? _steps[index].Changes : step.Changes };
                }
            }

            if (operationEvent is OperationFinishedEvent finished)
            {
                _writer.WriteLine(Build(finished.Result));
                _writer.Flush();
            }
        }

        return ValueTask.CompletedTask;
    }

    private string Build(OperationResult result) => CliJson.Build(4, writer =>
    {
        writer.WriteStartObject();
        if (_config.Count > 0)
        {
            writer.WriteStartObject("config");
            foreach (var (key, value) in _config.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("steps");
        foreach (var step in _steps.Where(s => s.Kind != StepKind.Same || TypeDisplay.IsStack(s.Type)))
        {
            WriteStep(writer, step);
        }

        writer.WriteEndArray();
        var diagnostics = Model.Diagnostics;
        if (diagnostics.Count > 0)
        {
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                writer.WriteStartObject();
                if (diagnostic.Urn is not null)
                {
                    writer.WriteString("urn", diagnostic.Urn);
                }

                writer.WriteString("message", diagnostic.Message);
                writer.WriteString("severity", diagnostic.Severity);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("duration", JsonNames.Nanoseconds(result.Duration));
        writer.WriteStartObject("changeSummary");
        foreach (var (kind, count) in Model.DisplayCounts)
        {
            writer.WriteNumber(StepDisplay.OpName(kind), count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteStep(Utf8JsonWriter writer, ResourceStepEvent step)
    {
        writer.WriteStartObject();
        writer.WriteString("op", StepDisplay.OpName(step.Kind));
        writer.WriteString("urn", step.Urn);
        if (step.Kind is StepKind.Update or StepKind.Replace or StepKind.Delete or StepKind.Refresh)
        {
            WriteState(writer, "oldState", step);
        }

        if (step.Kind != StepKind.Delete)
        {
            WriteState(writer, "newState", step);
        }

        var changes = step.Changes.IsDefault ? [] : step.Changes;
        var reasons = changes.Select(change => ProgressModel.TopLevelKey(change.Path)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (reasons.Count > 0 && step.Kind is not (StepKind.Create or StepKind.Delete))
        {
            writer.WriteStartArray("diffReasons");
            reasons.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        if (step.Kind == StepKind.Replace && !step.ReplaceKeys.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("replaceReasons");
            foreach (var key in step.ReplaceKeys.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
        }

        if (changes.IsEmpty || step.Kind is StepKind.Create or StepKind.Delete)
        {
            writer.WriteNull("detailedDiff");
        }
        else
        {
            writer.WriteStartObject("detailedDiff");
            foreach (var change in changes.OrderBy(change => change.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject(change.Path);
                writer.WriteString("kind", JsonNames.DiffKind(change.Kind));
                writer.WriteBoolean("inputDiff", true);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter writer, string name, ResourceStepEvent step)
    {
        writer.WriteStartObject(name);
        writer.WriteString("urn", step.Urn);
        writer.WriteString("type", step.Type);
        if (step.Parent is not null)
        {
            writer.WriteString("parent", step.Parent);
        }

        writer.WriteEndObject();
    }
}
