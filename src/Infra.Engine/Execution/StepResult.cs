using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.State;

namespace Infra.Engine.Execution;

/// <summary>
/// The outcome of one step. Applied to a snapshot: remove <see cref="Old"/> (when set), add
/// <see cref="Retired"/> (the old copy of a create-before-delete replacement, marked for deletion) and
/// <see cref="New"/> (when set).
/// </summary>
internal sealed record StepResult
{
    public required Step Step { get; init; }

    public required StepStatus Status { get; init; }

    /// <summary>The state the step superseded or deleted.</summary>
    public ResourceState? Old { get; init; }

    /// <summary>
    /// The state the step produced; null for deletes and for resources a refresh found gone. On a failed
    /// delete-before-replace whose delete succeeded: the old state with <c>PendingReplacement</c> set, to be recorded.
    /// </summary>
    public ResourceState? New { get; init; }

    /// <summary>For a create-before-delete replacement: the old copy, now with <c>Delete = true</c>.</summary>
    public ResourceState? Retired { get; init; }

    /// <summary>For refresh: the output properties that changed behind the engine's back.</summary>
    public ImmutableSortedDictionary<string, PropertyDiffKind> Drift { get; init; } =
        ImmutableSortedDictionary<string, PropertyDiffKind>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>For refresh: the resource no longer exists.</summary>
    public bool Gone { get; init; }

    /// <summary>Why the step failed or was skipped.</summary>
    public string? Message { get; init; }

    /// <summary>The exception behind a failure, if any (its message never carries secret values from the engine).</summary>
    public Exception? Exception { get; init; }
}
