using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>The live state of a resource; <see cref="Outputs"/> is null when the resource no longer exists.</summary>
internal sealed record ReadResult
{
    /// <summary>A result saying the resource is gone.</summary>
    public static ReadResult Gone { get; } = new() { Outputs = null };

    public string? Id { get; init; }

    public ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; } = PropertyMaps.Empty;

    public required ImmutableSortedDictionary<string, PropertyValue>? Outputs { get; init; }
}
