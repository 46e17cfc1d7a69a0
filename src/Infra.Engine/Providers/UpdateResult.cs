using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>The outputs of an updated resource.</summary>
internal sealed record UpdateResult
{
    public required ImmutableSortedDictionary<string, PropertyValue> Outputs { get; init; }
}
