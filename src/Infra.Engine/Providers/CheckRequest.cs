using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Asks a provider to validate the new inputs of a resource.</summary>
internal sealed record CheckRequest
{
    public required string Urn { get; init; }

    /// <summary>The inputs recorded in state, or empty for a new resource.</summary>
    public required ImmutableSortedDictionary<string, PropertyValue> Olds { get; init; }

    /// <summary>The inputs the program registered.</summary>
    public required ImmutableSortedDictionary<string, PropertyValue> News { get; init; }
}
