using System.Globalization;
using System.Text;
using Infra.Engine.State;

namespace Infra.Cli.Rendering;

/// <summary>
/// The stack's graph as a Mermaid flowchart. Components (non-custom resources with children) are
/// subgraphs holding their children; dependencies are solid edges from the dependency to the dependent,
/// labelled with the inputs that use it; a child of a custom resource gets a dotted <c>parent</c> edge.
/// The stack resource and default providers are left out. Node IDs (<c>r0</c>, <c>r1</c>, ...) follow URN
/// order and everything is sorted, so the same state always gives the same text.
/// </summary>
internal static class MermaidGraphFormatter
{
    public static string Format(IReadOnlyList<ResourceState> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var shown = new SortedDictionary<string, ResourceState>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!TypeDisplay.IsStack(resource.Type) && !TypeDisplay.IsDefaultProvider(resource.Type, TypeDisplay.NameOfUrn(resource.Urn)))
            {
                shown.TryAdd(resource.Urn, resource);
            }
        }

        var ids = shown.Keys.Select((urn, index) => (urn, index))
            .ToDictionary(p => p.urn, p => string.Create(CultureInfo.InvariantCulture, $"r{p.index}"), StringComparer.Ordinal);
        var children = shown.Values
            .Where(r => r.Parent is not null && shown.ContainsKey(r.Parent))
            .GroupBy(r => r.Parent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Urn, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        bool IsSubgraph(ResourceState r) => !r.Custom && children.ContainsKey(r.Urn);

        var text = new StringBuilder("flowchart TD\n");
        void Emit(ResourceState resource, string indent)
        {
            var id = ids[resource.Urn];
            var label = Escape($"{TypeDisplay.NameOfUrn(resource.Urn)}<br/>{resource.Type}");
            if (IsSubgraph(resource))
            {
                text.Append(CultureInfo.InvariantCulture, $"{indent}subgraph {id} [\"{label}\"]\n");
                foreach (var child in children[resource.Urn])
                {
                    Emit(child, indent + "    ");
                }

                text.Append(indent).Append("end\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{indent}{id}[\"{label}\"]\n");
            }
        }

        foreach (var root in shown.Values.Where(r => r.Parent is null || !shown.ContainsKey(r.Parent) || !IsSubgraph(shown[r.Parent])))
        {
            Emit(root, "    ");
        }

        foreach (var dependent in shown.Values)
        {
            foreach (var dependency in dependent.Dependencies.Distinct().Where(shown.ContainsKey).Order(StringComparer.Ordinal))
            {
                var properties = dependent.PropertyDependencies
                    .Where(pair => pair.Value.Contains(dependency))
                    .Select(pair => pair.Key)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var label = properties.Count == 0 ? string.Empty : $"|\"{Escape(string.Join(", ", properties))}\"|";
                text.Append(CultureInfo.InvariantCulture, $"    {ids[dependency]} -->{label} {ids[dependent.Urn]}\n");
            }
        }

        foreach (var child in shown.Values.Where(r => r.Parent is not null && shown.TryGetValue(r.Parent, out var p) && !IsSubgraph(p)))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {ids[child.Urn]} -.->|parent| {ids[child.Parent!]}\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
