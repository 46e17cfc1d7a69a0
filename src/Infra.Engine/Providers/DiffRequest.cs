using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Asks a provider what changes between the recorded state and the new inputs.</summary>
internal sealed record DiffRequest
{
    public required string Urn { get; init; }

    public required string Id { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> OldInputs { get; init; }

    public required ImmutableSortedDictionary<string, PropertyValue> OldOutputs { get; init; }

    /// <summary>The checked new inputs, with ignoreChanges already applied by the engine.</summary>
    public required ImmutableSortedDictionary<string, PropertyValue> NewInputs { get; init; }

    /// <summary>The resource's ignoreChanges paths (informational; the engine has already applied them).</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; } = [];
}
