using System.Collections.Immutable;
using Infra.Engine.Planning;

namespace Infra.Engine.Execution;

/// <summary>What a run did: succeeded steps per kind, failures, skipped steps, and whether it was cancelled.</summary>
internal sealed record ExecutionSummary
{
    public required ImmutableSortedDictionary<StepKind, int> Counts { get; init; }

    public required ImmutableArray<StepFailure> Failures { get; init; }

    public required int Skipped { get; init; }

    public required bool Cancelled { get; init; }

    /// <summary>True when nothing failed and the run was not cancelled.</summary>
    public bool Succeeded => Failures.IsEmpty && !Cancelled;

    /// <summary>How many steps of <paramref name="kind"/> succeeded.</summary>
    public int Count(StepKind kind) => Counts.GetValueOrDefault(kind);
}
