using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Asks a provider to delete a resource.</summary>
internal sealed record DeleteRequest
{
    public required string Urn { get; init; }

    public required string Id { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> Outputs { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Where a long operation reports what it is waiting for (shown in the Info column and as progress lines);
    /// null when nobody listens. Messages must not contain secret values.
    /// </summary>
    public IProgress<string>? Progress { get; init; }
}
