using System.Collections.Immutable;

namespace Infra.Engine.Providers;

/// <summary>The provider's verdict on a change.</summary>
internal sealed record DiffResult
{
    /// <summary>A result that says nothing changes.</summary>
    public static DiffResult NoChanges { get; } = new() { Changes = DiffChanges.None };

    public required DiffChanges Changes { get; init; }

    /// <summary>Top-level input keys whose change forces a replacement.</summary>
    public ImmutableArray<string> ReplaceKeys { get; init; } = [];

    /// <summary>Output keys that stay the same across an update.</summary>
    public ImmutableArray<string> Stables { get; init; } = [];

    /// <summary>Whether the provider requires the old resource to be deleted before the replacement is created.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>Top-level keys that change.</summary>
    public ImmutableArray<string> ChangedKeys { get; init; } = [];

    /// <summary>Per property path, how it changes.</summary>
    public ImmutableSortedDictionary<string, PropertyDiff> DetailedDiff { get; init; } =
        ImmutableSortedDictionary<string, PropertyDiff>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// Why the provider plans this change when the changed inputs alone do not tell (e.g. a certificate inside its
    /// renewal window); shown to the user with the step. Never contains a secret value.
    /// </summary>
    public string? Reason { get; init; }
}
