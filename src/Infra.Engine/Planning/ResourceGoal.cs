using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Planning;

/// <summary>
/// What the program asked for in one RegisterResource (or ReadResource): the resource and its options,
/// already parsed from the wire. Aliases are full URNs (alias specs resolved by the caller with
/// <see cref="ResourceUrn.Create"/>); <see cref="Provider"/> is a reference <c>&lt;urn&gt;::&lt;id&gt;</c>.
/// </summary>
internal sealed record ResourceGoal
{
    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>The parent URN, or null for the stack itself and unparented resources.</summary>
    public string? Parent { get; init; }

    /// <summary>True for provider-managed resources (including provider resources); false for components.</summary>
    public required bool Custom { get; init; }

    public ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; } = PropertyMaps.Empty;

    public bool Protect { get; init; }

    public bool DeleteBeforeReplace { get; init; }

    /// <summary>Whether the user set <see cref="DeleteBeforeReplace"/> explicitly (it then overrides the provider).</summary>
    public bool DeleteBeforeReplaceDefined { get; init; }

    /// <summary>Input property paths (<c>a.b[0]</c>, <c>a["x.y"]</c>, <c>*</c>) whose changes are ignored.</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    /// <summary>Input property paths whose change forces a replacement (<c>*</c> = any change).</summary>
    public ImmutableArray<string> ReplaceOnChanges { get; init; } = [];

    public bool RetainOnDelete { get; init; }

    /// <summary>URN of the resource whose deletion also deletes this one, or null.</summary>
    public string? DeletedWith { get; init; }

    /// <summary>Former URNs of this resource, tried in order when no state exists under its URN.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    public ResourceTimeouts? CustomTimeouts { get; init; }

    /// <summary>Provider reference <c>&lt;urn&gt;::&lt;id&gt;</c> for custom resources; ignored for provider resources and components.</summary>
    public string? Provider { get; init; }

    /// <summary>The provider package version the program asked for.</summary>
    public string? Version { get; init; }

    public ImmutableArray<string> Dependencies { get; init; } = [];

    public ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>ID of an existing resource to adopt instead of creating one.</summary>
    public string? ImportId { get; init; }

    public ImmutableArray<string> AdditionalSecretOutputs { get; init; } = [];
}
