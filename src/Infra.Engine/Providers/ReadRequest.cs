using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Asks a provider for the live state of a resource.</summary>
internal sealed record ReadRequest
{
    public required string Urn { get; init; }

    public required string Id { get; init; }

    /// <summary>The inputs recorded in state (empty for a plain read by ID).</summary>
    public ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; } = PropertyMaps.Empty;

    /// <summary>The outputs recorded in state (empty for a plain read by ID).</summary>
    public ImmutableSortedDictionary<string, PropertyValue> State { get; init; } = PropertyMaps.Empty;

    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Where a long operation reports what it is waiting for (shown in the Info column and as progress lines);
    /// null when nobody listens. Messages must not contain secret values.
    /// </summary>
    public IProgress<string>? Progress { get; init; }
}
