using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Asks a provider to create a resource.</summary>
internal sealed record CreateRequest
{
    public required string Urn { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; }

    /// <summary>The custom create timeout, or null for the provider default. The engine also enforces it.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>When true, predict outputs (unknown where not knowable) and touch nothing.</summary>
    public bool Preview { get; init; }

    /// <summary>
    /// Where a long operation reports what it is waiting for (shown in the Info column and as progress lines);
    /// null when nobody listens. Messages must not contain secret values.
    /// </summary>
    public IProgress<string>? Progress { get; init; }
}
