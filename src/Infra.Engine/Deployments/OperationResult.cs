using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Deployments;

/// <summary>How an engine run ended.</summary>
internal sealed record OperationResult
{
    public required OperationKind Kind { get; init; }

    public required bool Succeeded { get; init; }

    /// <summary>Number of steps per kind; <see cref="StepKind.Same"/> counts unchanged resources.</summary>
    public required ImmutableSortedDictionary<StepKind, int> Counts { get; init; }

    /// <summary>Failures as "&lt;urn&gt;: &lt;message&gt;" (secrets never included).</summary>
    public ImmutableArray<string> Failures { get; init; } = [];

    /// <summary>The stack outputs after the run (secrets wrapped).</summary>
    public ImmutableSortedDictionary<string, PropertyValue> Outputs { get; init; } = ImmutableSortedDictionary<string, PropertyValue>.Empty;

    public required TimeSpan Duration { get; init; }
}
