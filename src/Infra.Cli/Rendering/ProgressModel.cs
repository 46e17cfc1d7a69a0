using System.Collections.Immutable;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>
/// The state of a run's display, built from the engine's events: one row per resource in order of first
/// appearance, its status and Info text, the diagnostics, and the result. Renderers draw from it.
/// </summary>
internal sealed class ProgressModel
{
    private readonly List<ProgressRow> _rows = [];
    private readonly Dictionary<string, ProgressRow> _byUrn = new(StringComparer.Ordinal);
    private readonly List<DiagnosticEntry> _diagnostics = [];
    private readonly Dictionary<string, StepKind> _hiddenSteps = new(StringComparer.Ordinal);

    public OperationKind Kind { get; private set; } = OperationKind.Preview;

    public string Project { get; private set; } = string.Empty;

    public string Stack { get; private set; } = string.Empty;

    public bool IsPreview => Kind == OperationKind.Preview;

    /// <summary>The rows in order of first appearance (default providers are never added).</summary>
    public IReadOnlyList<ProgressRow> Rows => _rows;

    /// <summary>Messages for the <c>Diagnostics:</c> section, in arrival order.</summary>
    public IReadOnlyList<DiagnosticEntry> Diagnostics => _diagnostics;

    /// <summary>The result, once the run finished.</summary>
    public OperationResult? Result { get; private set; }

    public bool Finished => Result is not null;

    /// <summary>
    /// The result's step counts without the steps of default providers, which are hidden and not counted
    /// (pulumi-formats.md §5.6).
    /// </summary>
    public ImmutableSortedDictionary<StepKind, int> DisplayCounts
    {
        get
        {
            var counts = Result?.Counts ?? ImmutableSortedDictionary<StepKind, int>.Empty;
            foreach (var kind in _hiddenSteps.Values)
            {
                if (counts.TryGetValue(kind, out var count))
                {
                    counts = count > 1 ? counts.SetItem(kind, count - 1) : counts.Remove(kind);
                }
            }

            return counts;
        }
    }

    /// <summary>The stack resource's row, once reported.</summary>
    public ProgressRow? StackRow => _rows.FirstOrDefault(row => row.IsStack);

    /// <summary>The row of <paramref name="urn"/>, or null.</summary>
    public ProgressRow? Find(string? urn) => urn is not null && _byUrn.TryGetValue(urn, out var row) ? row : null;

    /// <summary>Applies one event; returns the row it changed, if any.</summary>
    public ProgressRow? Apply(OperationEvent operationEvent)
    {
        ArgumentNullException.ThrowIfNull(operationEvent);
        switch (operationEvent)
        {
            case OperationStartedEvent started:
                Kind = started.Kind;
                Project = started.Project;
                Stack = started.Stack;
                return null;
            case ResourceStepEvent step:
                return ApplyStep(step);
            case ProgramOutputEvent output:
                return AddMessage(null, output.IsStandardError ? "info#err" : "info", output.Line);
            case DiagnosticEvent diagnostic when diagnostic.Severity == DiagnosticSeverity.Debug:
                return null;
            case DiagnosticEvent diagnostic:
                var severity = diagnostic.Severity switch
                {
                    DiagnosticSeverity.Warning => "warning",
                    DiagnosticSeverity.Error => "error",
                    _ => "info",
                };
                if (diagnostic.Ephemeral)
                {
                    var row = Find(diagnostic.Urn) ?? StackRow;
                    if (row is not null)
                    {
                        row.LastMessage = diagnostic.Message;
                    }

                    return row;
                }

                return AddMessage(diagnostic.Urn, severity, diagnostic.Message);
            case OperationFinishedEvent finished:
                Result = finished.Result;
                return null;
            default:
                return null;
        }
    }

    /// <summary>The depth of a row in the parent tree (the stack and orphans are at 0).</summary>
    public int Depth(ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var depth = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal) { row.Urn };
        for (var parent = Find(row.Parent); parent is not null && seen.Add(parent.Urn); parent = Find(parent.Parent))
        {
            depth++;
        }

        return depth;
    }

    /// <summary>The banner line, e.g. <c>Updating (dev):</c>.</summary>
    public string Banner(OperationKind previewOf = OperationKind.Update) => Kind switch
    {
        OperationKind.Preview when previewOf == OperationKind.Destroy => $"Previewing destroy ({Stack}):",
        OperationKind.Preview => $"Previewing update ({Stack}):",
        OperationKind.Destroy => $"Destroying ({Stack}):",
        OperationKind.Refresh => $"Refreshing ({Stack}):",
        _ => $"Updating ({Stack}):",
    };

    /// <summary>The <c>[diff: +a-b~c]</c> text of a set of changes, or null when there are none.</summary>
    public static string? ShortDiff(ImmutableArray<PropertyChange> changes)
    {
        if (changes.IsDefaultOrEmpty)
        {
            return null;
        }

        static string Group(IEnumerable<PropertyChange> group, string symbol)
        {
            var keys = group.Select(change => TopLevelKey(change.Path)).Distinct().Order(StringComparer.Ordinal).ToList();
            return keys.Count == 0 ? string.Empty : symbol + string.Join(',', keys);
        }

        var adds = Group(changes.Where(c => c.Kind is PropertyChangeKind.Add or PropertyChangeKind.AddReplace), "+");
        var deletes = Group(changes.Where(c => c.Kind is PropertyChangeKind.Delete or PropertyChangeKind.DeleteReplace), "-");
        var updates = Group(changes.Where(c => c.Kind is PropertyChangeKind.Update or PropertyChangeKind.UpdateReplace), "~");
        return $"[diff: {adds}{deletes}{updates}]";
    }

    /// <summary>The top-level property of a path such as <c>tags.env</c> or <c>ports[0]</c>.</summary>
    public static string TopLevelKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var end = path.IndexOfAny(['.', '[']);
        return end <= 0 ? path : path[..end];
    }

    private ProgressRow? ApplyStep(ResourceStepEvent step)
    {
        if (TypeDisplay.IsDefaultProvider(step.Type, step.Name))
        {
            _hiddenSteps[step.Urn] = step.Kind;
            return null;
        }

        if (step.Phase == StepPhase.Progress)
        {
            return ApplyProgress(step);
        }

        if (!_byUrn.TryGetValue(step.Urn, out var row))
        {
            row = new ProgressRow { Urn = step.Urn, Type = step.Type, Name = step.Name };
            _byUrn[step.Urn] = row;
            _rows.Add(row);
        }

        row.Parent = step.Parent ?? row.Parent;
        row.Kind = step.Kind;
        row.Phase = step.Phase;
        row.ProgressMessage = null;
        if (!step.Changes.IsDefaultOrEmpty)
        {
            row.Changes = step.Changes;
        }

        row.ShortDiff = step.Kind is StepKind.Update or StepKind.Replace or StepKind.Refresh ? ShortDiff(row.Changes) : null;
        row.Status = StatusText(row, step);
        if (step.Phase == StepPhase.Failed && !string.IsNullOrEmpty(step.Message))
        {
            AddMessage(step.Urn, "error", step.Message);
        }
        else if (step.Phase == StepPhase.Started && !string.IsNullOrEmpty(step.Message) && step.Kind is StepKind.Replace or StepKind.Update)
        {
            // Why the provider plans the change (e.g. a certificate inside its renewal window).
            AddMessage(step.Urn, "info", step.Message);
        }

        return row;
    }

    /// <summary>A provider's progress message shows in the Info column while the step runs; late ones are dropped.</summary>
    private ProgressRow? ApplyProgress(ResourceStepEvent step)
    {
        if (!_byUrn.TryGetValue(step.Urn, out var row) || row.Phase != StepPhase.Started || string.IsNullOrEmpty(step.Message))
        {
            return null;
        }

        row.ProgressMessage = step.Message;
        return row;
    }

    private string StatusText(ProgressRow row, ResourceStepEvent step)
    {
        if (IsPreview)
        {
            var planned = StepDisplay.PreviewText(step.Kind);
            return step.Phase == StepPhase.Failed ? $"**{(planned.Length == 0 ? "preview" : planned)} failed**" : planned;
        }

        switch (step.Phase)
        {
            case StepPhase.Started:
                return step.Kind == StepKind.Same ? (row.IsStack ? "running" : string.Empty) : StepDisplay.InProgressText(step.Kind);
            case StepPhase.Failed:
                var running = StepDisplay.InProgressText(step.Kind);
                return $"**{(running.Length == 0 ? "running" : running)} failed**";
            default:
                var done = StepDisplay.DoneText(step.Kind);
                return done.Length > 0 && step.Elapsed is { } elapsed ? $"{done} ({GoDuration.FormatStepTiming(elapsed)})" : done;
        }
    }

    private ProgressRow? AddMessage(string? urn, string severity, string message)
    {
        var row = Find(urn) ?? (urn is null ? StackRow : null);
        _diagnostics.Add(new DiagnosticEntry(row?.Urn ?? urn, severity, message));
        if (row is null)
        {
            return null;
        }

        var entry = _diagnostics[^1];
        row.LastMessage = entry.DisplayText;
        switch (severity)
        {
            case "warning":
                row.Warnings++;
                break;
            case "error":
                row.Errors++;
                break;
            default:
                row.Messages++;
                break;
        }

        return row;
    }
}
