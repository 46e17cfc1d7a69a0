using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Infra.Cli.Rendering;

/// <summary>
/// Renders a run on a terminal: the banner, a live resource table (<see cref="ProgressTableFormatter"/>)
/// redrawn in place as events arrive and coloured by op, then the end sections. Dispose it after the run
/// so the live display always stops, also when the engine throws.
/// </summary>
internal sealed class LiveProgressRenderer : IOperationObserver, IAsyncDisposable
{
    private readonly IAnsiConsole _console;
    private readonly RenderOptions _options;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LiveDisplayContext? _context;
    private Task? _live;

    public LiveProgressRenderer(IAnsiConsole console, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        _console = console;
        _options = options;
    }

    /// <summary>What has been rendered so far.</summary>
    public ProgressModel Model { get; } = new();

    /// <summary>The table as a Spectre.Console renderable: one text line per row, coloured by op.</summary>
    public static IRenderable BuildTable(ProgressModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = ProgressTableFormatter.Format(model).Select(line =>
        {
            var style = line.Row switch
            {
                null => new Style(decoration: Decoration.Bold),
                { Failed: true } => new Style(Color.Red),
                var row => Style.Parse(StepDisplay.Color(row.Kind)),
            };
            return (IRenderable)new Text(line.Text, style) { Overflow = Overflow.Ellipsis };
        });
        return new Rows(lines);
    }

    public async ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operationEvent);
        switch (operationEvent)
        {
            case OperationStartedEvent:
                lock (_gate)
                {
                    Model.Apply(operationEvent);
                }

                _console.WriteLine(Model.Banner(_options.PreviewOf));
                _console.WriteLine();
                _live = _console.Live(new Text(string.Empty))
                    .AutoClear(false)
                    .Overflow(VerticalOverflow.Ellipsis)
                    .Cropping(VerticalOverflowCropping.Top)
                    .StartAsync(RunLiveAsync);
                break;
            case OperationFinishedEvent:
                lock (_gate)
                {
                    Model.Apply(operationEvent);
                }

                await StopAsync().ConfigureAwait(false);
                foreach (var line in OperationReport.EndSections(Model, _options))
                {
                    _console.WriteLine(line);
                }

                break;
            default:
                lock (_gate)
                {
                    Model.Apply(operationEvent);
                    _context?.UpdateTarget(BuildTable(Model));
                }

                break;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task RunLiveAsync(LiveDisplayContext context)
    {
        lock (_gate)
        {
            _context = context;
            context.UpdateTarget(BuildTable(Model));
        }

        await _finished.Task.ConfigureAwait(false);
        lock (_gate)
        {
            context.UpdateTarget(BuildTable(Model));
            _context = null;
        }

        context.Refresh();
    }

    private async Task StopAsync()
    {
        _finished.TrySetResult();
        if (_live is { } live)
        {
            _live = null;
            await live.ConfigureAwait(false);
        }
    }
}
