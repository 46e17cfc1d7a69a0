using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.State;

/// <summary>
/// One resource as the engine records it in state (ResourceV3 of pulumi-formats.md §4.3). Property
/// maps hold <see cref="PropertyValue"/>s: secrets stay wrapped in memory and are encrypted only when
/// the checkpoint is written.
/// </summary>
internal sealed record ResourceState
{
    public required string Urn { get; init; }

    public required string Type { get; init; }

    public required bool Custom { get; init; }

    /// <summary>True for the old copy of a replaced resource still waiting to be deleted.</summary>
    public bool Delete { get; init; }

    public string? Id { get; init; }

    public ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; } = ImmutableSortedDictionary<string, PropertyValue>.Empty;

    public ImmutableSortedDictionary<string, PropertyValue> Outputs { get; init; } = ImmutableSortedDictionary<string, PropertyValue>.Empty;

    public string? Parent { get; init; }

    public bool Protect { get; init; }

    public bool External { get; init; }

    public ImmutableArray<string> Dependencies { get; init; } = [];

    public ImmutableArray<string> InitErrors { get; init; } = [];

    /// <summary>Provider reference <c>&lt;providerURN&gt;::&lt;providerID&gt;</c>, or null for none.</summary>
    public string? Provider { get; init; }

    public ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    public bool PendingReplacement { get; init; }

    public ImmutableArray<string> AdditionalSecretOutputs { get; init; } = [];

    /// <summary>Custom timeouts in seconds (create, update, delete, read); null when not set.</summary>
    public ResourceTimeouts? CustomTimeouts { get; init; }

    public string? ImportId { get; init; }

    public bool RetainOnDelete { get; init; }

    public string? DeletedWith { get; init; }

    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    public ImmutableArray<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>Property paths whose diffs are hidden from display (<c>hideDiff</c>).</summary>
    public ImmutableArray<string> HideDiff { get; init; } = [];

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>Where the program registered the resource: <c>project:///&lt;path&gt;#&lt;line&gt;[,&lt;col&gt;]</c>.</summary>
    public string? SourcePosition { get; init; }
}
