using System.Collections.Immutable;

namespace Infra.Engine.State;

/// <summary>
/// One deployment (<c>DeploymentV3</c>, pulumi-formats.md §4.2): the manifest, the secrets provider,
/// the resources in dependency order, operations that were in flight, and metadata. Immutable; the
/// engine derives a new snapshot for every change and saves it.
/// </summary>
internal sealed record StackSnapshot
{
    public required SnapshotManifest Manifest { get; init; }

    public SecretsProviderState? SecretsProvider { get; init; }

    /// <summary>Resources in dependency order (see <see cref="ResourceOrdering.Sort"/>).</summary>
    public ImmutableArray<ResourceState> Resources { get; init; } = [];

    public ImmutableArray<PendingOperation> PendingOperations { get; init; } = [];

    public SnapshotMetadata Metadata { get; init; } = SnapshotMetadata.Empty;

    /// <summary>A snapshot with no resources: what a new stack holds.</summary>
    public static StackSnapshot CreateEmpty(SnapshotManifest manifest, SecretsProviderState? secretsProvider) =>
        new() { Manifest = manifest, SecretsProvider = secretsProvider };

    /// <summary>
    /// Replaces the entry with the same URN and the same <see cref="ResourceState.Delete"/> flag, or appends
    /// <paramref name="resource"/> when there is none. Appending keeps dependency order as long as the
    /// resource's dependencies are already present (the engine saves after each step, in order).
    /// </summary>
    public StackSnapshot WithResource(ResourceState resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var resources = Resources.IsDefault ? [] : Resources;
        for (var i = 0; i < resources.Length; i++)
        {
            if (resources[i].Urn == resource.Urn && resources[i].Delete == resource.Delete)
            {
                return this with { Resources = resources.SetItem(i, resource) };
            }
        }

        return this with { Resources = resources.Add(resource) };
    }

    /// <summary>Removes the entry with this URN and <paramref name="delete"/> flag, if present.</summary>
    public StackSnapshot WithoutResource(string urn, bool delete = false)
    {
        var resources = Resources.IsDefault ? [] : Resources;
        for (var i = 0; i < resources.Length; i++)
        {
            if (resources[i].Urn == urn && resources[i].Delete == delete)
            {
                return this with { Resources = resources.RemoveAt(i) };
            }
        }

        return this;
    }

    /// <summary>Adds a pending operation.</summary>
    public StackSnapshot WithPendingOperation(PendingOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var pending = PendingOperations.IsDefault ? [] : PendingOperations;
        return this with { PendingOperations = pending.Add(operation) };
    }

    /// <summary>Removes exactly this pending operation instance (or, failing that, an equal one).</summary>
    public StackSnapshot WithoutPendingOperation(PendingOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var pending = PendingOperations.IsDefault ? [] : PendingOperations;
        for (var i = 0; i < pending.Length; i++)
        {
            if (ReferenceEquals(pending[i], operation))
            {
                return this with { PendingOperations = pending.RemoveAt(i) };
            }
        }

        var index = pending.IndexOf(operation);
        return index < 0 ? this : this with { PendingOperations = pending.RemoveAt(index) };
    }
}
