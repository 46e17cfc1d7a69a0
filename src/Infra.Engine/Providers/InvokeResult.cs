using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>The return value of a provider function, or its failures (non-empty means it failed).</summary>
internal sealed record InvokeResult
{
    public ImmutableSortedDictionary<string, PropertyValue> Return { get; init; } = PropertyMaps.Empty;

    public ImmutableArray<CheckFailure> Failures { get; init; } = [];
}
