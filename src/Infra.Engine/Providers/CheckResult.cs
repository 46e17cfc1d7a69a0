using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>The checked inputs (with defaults filled) and every validation failure.</summary>
internal sealed record CheckResult
{
    public required ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; }

    public ImmutableArray<CheckFailure> Failures { get; init; } = [];
}
