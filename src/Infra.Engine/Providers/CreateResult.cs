using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>The ID (null in preview when not knowable) and outputs of a created resource.</summary>
internal sealed record CreateResult
{
    public string? Id { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> Outputs { get; init; }
}
