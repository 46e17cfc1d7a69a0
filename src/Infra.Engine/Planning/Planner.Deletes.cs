using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.State;

namespace Infra.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// Plans, after the program finished without error, the deletion of every recorded resource it did
    /// not register (directly or through an alias), of old copies left by create-before-delete
    /// replacements, and of copies still marked for deletion by an earlier run. Steps come in reverse
    /// dependency order (dependents first, URN tie-break) and each waits for its dependents' deletes.
    /// </summary>
    public Task<ImmutableArray<Step>> PlanDeletesAsync(CancellationToken cancellationToken = default)
    {
        var doomed = new List<ResourceState>();
        foreach (var resource in _options.OldResources)
        {
            if (IsTargeted(resource.Urn) && (resource.Delete || (!_claimedOld.ContainsKey(resource.Urn) && !_registered.ContainsKey(resource.Urn))))
            {
                doomed.Add(resource);
            }
        }

        doomed.AddRange(_replacedOld.Where(r => IsTargeted(r.Urn)));
        return PlanDeletionAsync(doomed, cancellationToken);
    }

    /// <summary>
    /// Plans the deletion of every recorded resource (destroy) or, with <c>--target</c>, of the targets and every
    /// resource that depends on them, in reverse dependency order.
    /// </summary>
    public Task<ImmutableArray<Step>> PlanDestroyAsync(CancellationToken cancellationToken = default) =>
        PlanDeletionAsync(HasTargets ? TargetsAndDependents() : [.. _options.OldResources], cancellationToken);

    /// <summary>
    /// Plans a refresh: one read through its provider per recorded custom resource (provider resources and
    /// components have nothing to read), in URN order; with <c>--target</c> only the targets. Reads are independent, so no step waits for another.
    /// </summary>
    public async Task<ImmutableArray<Step>> PlanRefreshAsync(CancellationToken cancellationToken = default)
    {
        var steps = ImmutableArray.CreateBuilder<Step>();
        foreach (var resource in _options.OldResources.Where(r => r.Custom && !ProviderReference.IsProviderType(r.Type) && IsTargeted(r.Urn)).OrderBy(r => r.Urn, StringComparer.Ordinal))
        {
            var provider = await ProviderForOldAsync(resource, cancellationToken).ConfigureAwait(false);
            steps.Add(new Step { Kind = StepKind.Refresh, Urn = resource.Urn, Old = resource, Provider = provider });
        }

        return steps.ToImmutable();
    }

    private async Task<ImmutableArray<Step>> PlanDeletionAsync(List<ResourceState> doomed, CancellationToken cancellationToken)
    {
        var protectedUrns = doomed.Where(r => r.Protect && !r.Delete).Select(r => r.Urn).Order(StringComparer.Ordinal).ToImmutableArray();
        if (!protectedUrns.IsEmpty)
        {
            throw new PlanningException(
                protectedUrns[0],
                $"Cannot delete protected resource{(protectedUrns.Length == 1 ? string.Empty : "s")} " +
                $"{string.Join(", ", protectedUrns.Select(u => $"'{u}'"))}. To delete, set protect to false, run an update, then try again.",
                protectedUrns);
        }

        var doomedUrns = doomed.Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);

        // dependents[i] = indices of doomed resources that depend on doomed[i] and must therefore go first.
        var dependents = doomed.Select(_ => new SortedSet<int>()).ToArray();
        var dependencies = new List<int>[doomed.Count];
        var indexByUrn = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < doomed.Count; i++)
        {
            if (!indexByUrn.TryGetValue(doomed[i].Urn, out var list))
            {
                indexByUrn[doomed[i].Urn] = list = [];
            }

            list.Add(i);
        }

        for (var i = 0; i < doomed.Count; i++)
        {
            dependencies[i] = [];
            foreach (var urn in DependencyUrnsOf(doomed[i]))
            {
                if (urn == doomed[i].Urn || !indexByUrn.TryGetValue(urn, out var targets))
                {
                    continue;
                }

                foreach (var target in targets)
                {
                    if (dependents[target].Add(i))
                    {
                        dependencies[i].Add(target);
                    }
                }
            }
        }

        var remaining = dependents.Select(d => d.Count).ToArray();
        var ready = new SortedSet<(string Urn, int Index)>(
            Enumerable.Range(0, doomed.Count).Where(i => remaining[i] == 0).Select(i => (doomed[i].Urn, i)),
            Comparer<(string Urn, int Index)>.Create((a, b) =>
            {
                var byUrn = string.CompareOrdinal(a.Urn, b.Urn);
                return byUrn != 0 ? byUrn : a.Index.CompareTo(b.Index);
            }));
        var order = new List<int>(doomed.Count);
        var emitted = new bool[doomed.Count];
        while (order.Count < doomed.Count)
        {
            int next;
            if (ready.Count > 0)
            {
                next = ready.Min.Index;
                ready.Remove(ready.Min);
            }
            else
            {
                // A cycle (not producible by a program): break it deterministically.
                next = Enumerable.Range(0, doomed.Count).Where(i => !emitted[i]).MinBy(i => doomed[i].Urn, StringComparer.Ordinal);
            }

            emitted[next] = true;
            order.Add(next);
            foreach (var dependency in dependencies[next])
            {
                if (!emitted[dependency] && --remaining[dependency] == 0)
                {
                    ready.Add((doomed[dependency].Urn, dependency));
                }
            }
        }

        var steps = ImmutableArray.CreateBuilder<Step>(doomed.Count);
        foreach (var index in order)
        {
            var resource = doomed[index];
            string? skipReason = null;
            if (resource.PendingReplacement)
            {
                skipReason = "a delete-before-replace already deleted it: the resource is only removed from the state";
            }
            else if (resource.RetainOnDelete)
            {
                skipReason = "retainOnDelete is set: the resource is only removed from the state";
            }
            else if (!string.IsNullOrEmpty(resource.DeletedWith) && doomedUrns.Contains(resource.DeletedWith))
            {
                skipReason = $"deleted with '{resource.DeletedWith}'";
            }

            var provider = skipReason is null ? await ProviderForOldAsync(resource, cancellationToken).ConfigureAwait(false) : null;
            steps.Add(new Step
            {
                Kind = StepKind.Delete,
                Urn = resource.Urn,
                Old = resource,
                Provider = provider,
                WaitFor = [.. dependents[index].Select(i => doomed[i].Urn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                SkipProviderDeleteReason = skipReason,
            });
        }

        return steps.ToImmutable();
    }

    private async Task<IResourceProvider?> ProviderForOldAsync(ResourceState resource, CancellationToken cancellationToken)
    {
        if (!resource.Custom)
        {
            return null;
        }

        if (ProviderReference.IsProviderType(resource.Type))
        {
            return _registry.ProviderResources;
        }

        if (string.IsNullOrEmpty(resource.Provider))
        {
            throw new PlanningException(resource.Urn, $"Resource '{resource.Urn}' has no provider reference in the state; it cannot be deleted or read.");
        }

        return await _registry.ResolveAsync(resource.Provider, FindAnyOld, _options.Preview, cancellationToken).ConfigureAwait(false);
    }

    private ResourceState? FindAnyOld(string urn) =>
        _oldByUrn.GetValueOrDefault(urn) ?? _options.OldResources.FirstOrDefault(r => r.Urn == urn);

    private static IEnumerable<string> DependencyUrnsOf(ResourceState resource)
    {
        foreach (var dependency in resource.Dependencies)
        {
            yield return dependency;
        }

        if (!string.IsNullOrEmpty(resource.Parent))
        {
            yield return resource.Parent;
        }

        foreach (var urns in resource.PropertyDependencies.Values)
        {
            foreach (var urn in urns)
            {
                yield return urn;
            }
        }

        if (!string.IsNullOrEmpty(resource.DeletedWith))
        {
            yield return resource.DeletedWith;
        }

        if (!string.IsNullOrEmpty(resource.Provider))
        {
            var split = resource.Provider.LastIndexOf("::", StringComparison.Ordinal);
            if (split > 0)
            {
                yield return resource.Provider[..split];
            }
        }
    }
}
