using System.Collections.Immutable;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Protocol.Values;

namespace Infra.Engine.Deployments;

/// <summary>Builds the <see cref="ResourceStepEvent"/> of a step (property changes from its diff, or refresh drift).</summary>
internal static class StepEvents
{
    /// <summary>The event for <paramref name="step"/> in <paramref name="phase"/>; <paramref name="result"/> adds drift and messages.</summary>
    public static ResourceStepEvent Create(Step step, StepPhase phase, StepResult? result = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        var state = step.New ?? step.Old;
        return new ResourceStepEvent
        {
            Urn = step.Urn,
            Type = step.Type,
            Name = ResourceUrn.NameOf(step.Urn),
            Parent = state?.Parent,
            Kind = step.Kind,
            Phase = phase,
            Changes = ChangesOf(step, result),
            ReplaceKeys = step.ReplaceKeys,
            Message = phase == StepPhase.Failed || step.SkipProviderDeleteReason is not null
                ? result?.Message ?? step.SkipProviderDeleteReason
                : phase == StepPhase.Started ? step.Diff?.Reason : null,
        };
    }

    /// <summary>A provider's progress message for a running step (no property changes: those came with its start).</summary>
    public static ResourceStepEvent Progress(Step step, string message)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new ResourceStepEvent
        {
            Urn = step.Urn,
            Type = step.Type,
            Name = ResourceUrn.NameOf(step.Urn),
            Parent = (step.New ?? step.Old)?.Parent,
            Kind = step.Kind,
            Phase = StepPhase.Progress,
            Message = message,
        };
    }

    private static ImmutableArray<PropertyChange> ChangesOf(Step step, StepResult? result)
    {
        var olds = step.Old?.Inputs ?? PropertyMaps.Empty;
        var news = step.New?.Inputs ?? PropertyMaps.Empty;
        switch (step.Kind)
        {
            case StepKind.Create:
                return [.. news.Select(p => new PropertyChange(p.Key, PropertyChangeKind.Add, null, p.Value))];
            case StepKind.Delete:
                return [.. olds.Select(p => new PropertyChange(p.Key, PropertyChangeKind.Delete, p.Value, null))];
            case StepKind.Refresh when result is not null:
                {
                    var before = step.Old?.Outputs ?? PropertyMaps.Empty;
                    var after = result.New?.Outputs ?? PropertyMaps.Empty;
                    return [.. result.Drift.Select(p => new PropertyChange(p.Key, Map(p.Value), before.GetValueOrDefault(p.Key), after.GetValueOrDefault(p.Key)))];
                }

            case StepKind.Update:
            case StepKind.Replace:
                {
                    IEnumerable<KeyValuePair<string, PropertyDiffKind>> diffs = step.Diff is { DetailedDiff.IsEmpty: false } diff
                        ? diff.DetailedDiff.Select(p => KeyValuePair.Create(p.Key, p.Value.Kind))
                        : PropertyMaps.Compare(olds, news);
                    return [.. diffs.Select(p => new PropertyChange(p.Key, Map(p.Value), Lookup(olds, p.Key), Lookup(news, p.Key)))];
                }

            default:
                return [];
        }
    }

    private static PropertyValue? Lookup(ImmutableSortedDictionary<string, PropertyValue> map, string path) => map.GetValueOrDefault(path);

    private static PropertyChangeKind Map(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => PropertyChangeKind.Add,
        PropertyDiffKind.AddReplace => PropertyChangeKind.AddReplace,
        PropertyDiffKind.Delete => PropertyChangeKind.Delete,
        PropertyDiffKind.DeleteReplace => PropertyChangeKind.DeleteReplace,
        PropertyDiffKind.UpdateReplace => PropertyChangeKind.UpdateReplace,
        _ => PropertyChangeKind.Update,
    };
}
