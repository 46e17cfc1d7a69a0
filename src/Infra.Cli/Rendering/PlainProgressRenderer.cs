using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>
/// Renders a run for logs and pipes (pulumi-formats.md §5.3): the banner, then one line per row change
/// (<c> +  test:index:Resource web creating</c>), never repeating an unchanged line, then the end
/// sections. With <see cref="RenderOptions.ShowDiff"/> each step is shown once as a detailed diff block.
/// </summary>
internal sealed class PlainProgressRenderer : IOperationObserver
{
    private readonly TextWriter _writer;
    private readonly RenderOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _lastLines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _diffed = new(StringComparer.Ordinal);

    public PlainProgressRenderer(TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        _writer = writer;
        _options = options;
    }

    /// <summary>What has been rendered so far.</summary>
    public ProgressModel Model { get; } = new();

    /// <summary>One progress line for a row: a space, the symbol, then type, name, status and info, each after a space.</summary>
    public static string FormatLine(ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $" {StepDisplay.Symbol(row.Kind)} {row.DisplayType} {row.Name} {row.Status} {row.Info(finished: false)}".TrimEnd();
    }

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operationEvent);
        lock (_gate)
        {
            var row = Model.Apply(operationEvent);
            switch (operationEvent)
            {
                case OperationStartedEvent:
                    _writer.WriteLine(Model.Banner(_options.PreviewOf));
                    _writer.WriteLine();
                    break;
                case OperationFinishedEvent:
                    foreach (var line in OperationReport.EndSections(Model, _options))
                    {
                        _writer.WriteLine(line);
                    }

                    break;
                case ResourceStepEvent when row is not null && _options.ShowDiff:
                    WriteDiff(row);
                    break;
                default:
                    if (row is not null)
                    {
                        WriteRow(row);
                    }

                    break;
            }

            _writer.Flush();
        }

        return ValueTask.CompletedTask;
    }

    private void WriteDiff(ProgressRow row)
    {
        if (row.Failed)
        {
            WriteRow(row);
            return;
        }

        if (row.Kind == StepKind.Same || !_diffed.Add(row.Urn))
        {
            return;
        }

        foreach (var line in DiffFormatter.Format(row, Model.Depth(row), _options.ShowSecrets))
        {
            _writer.WriteLine(line);
        }
    }

    private void WriteRow(ProgressRow row)
    {
        if (row.Kind == StepKind.Same && !row.IsStack && row.LastMessage is null)
        {
            return;
        }

        var line = FormatLine(row);
        if (_lastLines.TryGetValue(row.Urn, out var last) && last == line)
        {
            return;
        }

        _lastLines[row.Urn] = line;
        _writer.WriteLine(line);
    }
}
