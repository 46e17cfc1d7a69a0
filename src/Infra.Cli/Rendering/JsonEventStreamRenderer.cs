using System.Text.Json;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;

namespace Infra.Cli.Rendering;

/// <summary>
/// <c>up/destroy/refresh --json</c>: one compact JSON object per line as events arrive, each with a
/// <c>type</c> of <c>start</c>, <c>step</c>, <c>diagnostic</c>, <c>programOutput</c> or <c>summary</c>.
/// Step events carry the changed paths and their kinds but never values; the summary's outputs mask
/// secrets as <c>[secret]</c> unless <see cref="RenderOptions.ShowSecrets"/> is set.
/// </summary>
internal sealed class JsonEventStreamRenderer : IOperationObserver
{
    private readonly TextWriter _writer;
    private readonly RenderOptions _options;
    private readonly Lock _gate = new();
    private readonly ProgressModel _model = new();

    public JsonEventStreamRenderer(TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        _writer = writer;
        _options = options;
    }

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operationEvent);
        lock (_gate)
        {
            _model.Apply(operationEvent);
        }

        var line = operationEvent switch
        {
            ResourceStepEvent step when TypeDisplay.IsDefaultProvider(step.Type, step.Name) => null,
            DiagnosticEvent { Severity: DiagnosticSeverity.Debug } => null,
            DiagnosticEvent { Ephemeral: true } => null,
            _ => CliJson.Build(0, writer => Write(writer, operationEvent)),
        };
        if (line is not null)
        {
            lock (_gate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Write(Utf8JsonWriter writer, OperationEvent operationEvent)
    {
        writer.WriteStartObject();
        switch (operationEvent)
        {
            case OperationStartedEvent started:
                writer.WriteString("type", "start");
                writer.WriteString("operation", started.Kind.ToString().ToLowerInvariant());
                writer.WriteString("project", started.Project);
                writer.WriteString("stack", started.Stack);
                break;
            case ResourceStepEvent step:
                writer.WriteString("type", "step");
                writer.WriteString("op", StepDisplay.OpName(step.Kind));
                writer.WriteString("phase", step.Phase.ToString().ToLowerInvariant());
                writer.WriteString("urn", step.Urn);
                writer.WriteString("resourceType", step.Type);
                writer.WriteString("name", step.Name);
                if (step.Parent is not null)
                {
                    writer.WriteString("parent", step.Parent);
                }

                if (!step.Changes.IsDefaultOrEmpty)
                {
                    writer.WriteStartObject("detailedDiff");
                    foreach (var change in step.Changes.OrderBy(change => change.Path, StringComparer.Ordinal))
                    {
                        writer.WriteString(change.Path, JsonNames.DiffKind(change.Kind));
                    }

                    writer.WriteEndObject();
                }

                if (step.Message is not null)
                {
                    writer.WriteString("message", step.Message);
                }

                if (step.Elapsed is { } elapsed)
                {
                    writer.WriteNumber("elapsed", JsonNames.Nanoseconds(elapsed));
                }

                break;
            case DiagnosticEvent diagnostic:
                writer.WriteString("type", "diagnostic");
                writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                writer.WriteString("message", diagnostic.Message);
                if (diagnostic.Urn is not null)
                {
                    writer.WriteString("urn", diagnostic.Urn);
                }

                break;
            case ProgramOutputEvent output:
                writer.WriteString("type", "programOutput");
                writer.WriteString("stream", output.IsStandardError ? "stderr" : "stdout");
                writer.WriteString("line", output.Line);
                break;
            case OperationFinishedEvent finished:
                var result = finished.Result;
                writer.WriteString("type", "summary");
                writer.WriteString("operation", result.Kind.ToString().ToLowerInvariant());
                writer.WriteString("result", result.Succeeded ? "succeeded" : "failed");
                writer.WriteStartObject("changeSummary");
                foreach (var (kind, count) in _model.DisplayCounts)
                {
                    writer.WriteNumber(StepDisplay.OpName(kind), count);
                }

                writer.WriteEndObject();
                if (!result.Failures.IsDefaultOrEmpty)
                {
                    writer.WriteStartArray("failures");
                    foreach (var failure in result.Failures)
                    {
                        writer.WriteStringValue(failure);
                    }

                    writer.WriteEndArray();
                }

                writer.WritePropertyName("outputs");
                PropertyValueJson.WriteObject(writer, result.Outputs, _options.ShowSecrets);
                writer.WriteNumber("duration", JsonNames.Nanoseconds(result.Duration));
                break;
            default:
                writer.WriteString("type", operationEvent.GetType().Name);
                break;
        }

        writer.WriteEndObject();
    }
}
