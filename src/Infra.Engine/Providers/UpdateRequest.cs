using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Asks a provider to update a resource in place.</summary>
internal sealed record UpdateRequest
{
    public required string Urn { get; init; }

    public required string Id { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> OldInputs { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> OldOutputs { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> NewInputs { get; init; }

    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    public TimeSpan? Timeout { get; init; }

    /// <summary>When true, predict outputs (unknown where not knowable) and touch nothing.</summary>
    public bool Preview { get; init; }

    /// <summary>
    /// Where a long operation reports what it is waiting for (shown in the Info column and as progress lines);
    /// null when nobody listens. Messages must not contain secret values.
    /// </summary>
    public IProgress<string>? Progress { get; init; }
}
