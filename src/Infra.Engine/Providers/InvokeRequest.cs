using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Calls a provider function such as <c>kubernetes:yaml:decode</c>.</summary>
internal sealed record InvokeRequest
{
    public required string Token { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> Args { get; init; }
}
