using System.Collections.Immutable;
using Infra.Protocol;

namespace Infra.Engine.State;

/// <summary>
/// Orders resources so that a snapshot always passes <see cref="StateIntegrity"/>: the root stack first,
/// then providers, then everything else, with every parent, dependency, property dependency,
/// <c>deletedWith</c> target and provider placed before the resources that refer to it. Within those
/// constraints the input order is kept.
/// </summary>
internal static class ResourceOrdering
{
    /// <summary>Returns <paramref name="resources"/> in a valid state order.</summary>
    /// <exception cref="InvalidOperationException">The references form a cycle (the message lists it).</exception>
    public static ImmutableArray<ResourceState> Sort(IEnumerable<ResourceState> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var items = resources as IReadOnlyList<ResourceState> ?? resources.ToList();
        if (IsSorted(items))
        {
            // The common case (a step's result applied to an ordered snapshot): the sort below would return the same order.
            return resources is ImmutableArray<ResourceState> { IsDefault: false } array ? array : [.. items];
        }

        var byUrn = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!byUrn.TryGetValue(items[i].Urn, out var list))
            {
                list = [];
                byUrn[items[i].Urn] = list;
            }

            list.Add(i);
        }

        // Roots in priority order: stack resources, providers, the rest; each group in input order.
        var roots = new List<int>(items.Count);
        roots.AddRange(Enumerable.Range(0, items.Count).Where(i => items[i].Type == WireConstants.StackType));
        roots.AddRange(Enumerable.Range(0, items.Count).Where(i => items[i].Type != WireConstants.StackType && StateIntegrity.IsProvider(items[i])));
        roots.AddRange(Enumerable.Range(0, items.Count).Where(i => items[i].Type != WireConstants.StackType && !StateIntegrity.IsProvider(items[i])));

        // 0 = not visited, 1 = on the stack, 2 = emitted.
        var state = new byte[items.Count];
        var result = ImmutableArray.CreateBuilder<ResourceState>(items.Count);
        var stack = new Stack<(int Index, IEnumerator<int> Predecessors)>();
        foreach (var root in roots)
        {
            if (state[root] != 0)
            {
                continue;
            }

            state[root] = 1;
            stack.Push((root, Predecessors(items[root], root, byUrn).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (index, predecessors) = stack.Peek();
                if (predecessors.MoveNext())
                {
                    var next = predecessors.Current;
                    if (state[next] == 1)
                    {
                        throw new InvalidOperationException(DescribeCycle(items, stack, next));
                    }

                    if (state[next] == 0)
                    {
                        state[next] = 1;
                        stack.Push((next, Predecessors(items[next], next, byUrn).GetEnumerator()));
                    }

                    continue;
                }

                stack.Pop();
                predecessors.Dispose();
                state[index] = 2;
                result.Add(items[index]);
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// Whether <paramref name="items"/> already has the order <see cref="Sort"/> produces: groups (stack, providers,
    /// the rest) in order, and every resource with each URN it refers to only before it. Then every predecessor
    /// precedes its successor and the depth-first walk emits the input unchanged. Linear time.
    /// </summary>
    private static bool IsSorted(IReadOnlyList<ResourceState> items)
    {
        var lastIndex = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            lastIndex[items[i].Urn] = i;
        }

        // Span lookups, so the provider reference's URN part needs no substring.
        var lookup = lastIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        var previousGroup = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var resource = items[i];
            var group = GroupOf(resource);
            if (group < previousGroup)
            {
                return false;
            }

            previousGroup = group;

            // A reference is in order when every entry with that URN comes earlier; the last index equals i
            // only for the resource's own URN, whose other entries then all come earlier.
            if (!Before(lookup, resource.Parent, i) || !Before(lookup, ProviderUrn(resource.Provider), i) || !Before(lookup, resource.DeletedWith, i))
            {
                return false;
            }

            if (!resource.Dependencies.IsDefault)
            {
                foreach (var dependency in resource.Dependencies)
                {
                    if (!Before(lookup, dependency, i))
                    {
                        return false;
                    }
                }
            }

            if (resource.PropertyDependencies is { } propertyDependencies)
            {
                foreach (var urns in propertyDependencies.Values)
                {
                    if (!urns.IsDefault)
                    {
                        foreach (var urn in urns)
                        {
                            if (!Before(lookup, urn, i))
                            {
                                return false;
                            }
                        }
                    }
                }
            }
        }

        return true;
    }

    private static bool Before(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> urn, int index) =>
        urn.IsEmpty || !lookup.TryGetValue(urn, out var last) || last <= index;

    private static ReadOnlySpan<char> ProviderUrn(string? provider)
    {
        if (string.IsNullOrEmpty(provider))
        {
            return default;
        }

        var separator = provider.LastIndexOf("::", StringComparison.Ordinal);
        return separator > 0 ? provider.AsSpan(0, separator) : provider.AsSpan();
    }

    private static int GroupOf(ResourceState resource) =>
        resource.Type == WireConstants.StackType ? 0 : StateIntegrity.IsProvider(resource) ? 1 : 2;

    private static IEnumerable<int> Predecessors(ResourceState resource, int self, Dictionary<string, List<int>> byUrn)
    {
        foreach (var urn in References(resource))
        {
            if (byUrn.TryGetValue(urn, out var indexes))
            {
                foreach (var index in indexes)
                {
                    if (index != self)
                    {
                        yield return index;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> References(ResourceState resource)
    {
        if (!string.IsNullOrEmpty(resource.Parent))
        {
            yield return resource.Parent;
        }

        if (resource.Provider is { Length: > 0 } provider)
        {
            var separator = provider.LastIndexOf("::", StringComparison.Ordinal);
            yield return separator > 0 ? provider[..separator] : provider;
        }

        if (!resource.Dependencies.IsDefault)
        {
            foreach (var dependency in resource.Dependencies)
            {
                yield return dependency;
            }
        }

        if (resource.PropertyDependencies is { } propertyDependencies)
        {
            foreach (var urns in propertyDependencies.Values)
            {
                if (!urns.IsDefault)
                {
                    foreach (var urn in urns)
                    {
                        yield return urn;
                    }
                }
            }
        }

        if (!string.IsNullOrEmpty(resource.DeletedWith))
        {
            yield return resource.DeletedWith;
        }
    }

    private static string DescribeCycle(
        IReadOnlyList<ResourceState> items,
        Stack<(int Index, IEnumerator<int> Predecessors)> stack,
        int repeated)
    {
        // The stack holds the path from the root; the cycle is the part from 'repeated' upwards.
        var path = stack.Select(frame => frame.Index).Reverse().ToList();
        var start = path.IndexOf(repeated);
        var cycle = path.Skip(start).Append(repeated).Select(i => items[i].Urn);
        return "The resources' parent/dependency/provider references form a cycle, so no valid state order exists: "
            + string.Join(" -> ", cycle);
    }
}
