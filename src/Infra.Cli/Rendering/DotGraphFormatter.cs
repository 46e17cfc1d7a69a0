using System.Globalization;
using System.Text;
using Infra.Engine.State;

namespace Infra.Cli.Rendering;

/// <summary>
/// The stack's dependency graph as Graphviz DOT, as <c>pulumi stack graph</c> writes it
/// (pulumi-formats.md §6.2): <c>strict digraph {</c>, node lines in URN order labelled with the URN,
/// IDs <c>ResourceN</c> numbered by first mention, dependency edges from the dependency to the
/// dependent (labelled with the inputs that use it) and parent edges from child to parent.
/// </summary>
internal static class DotGraphFormatter
{
    public const string DependencyEdgeColor = "#246C60";
    public const string ParentEdgeColor = "#AA6639";

    public static string Format(IReadOnlyList<ResourceState> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var byUrn = new Dictionary<string, ResourceState>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            byUrn.TryAdd(resource.Urn, resource);
        }

        var ordered = byUrn.Values.OrderBy(r => r.Urn, StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Id(string urn)
        {
            if (!ids.TryGetValue(urn, out var id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"Resource{ids.Count}");
                ids[urn] = id;
            }

            return id;
        }

        var text = new StringBuilder("strict digraph {\n");
        foreach (var resource in ordered)
        {
            var id = Id(resource.Urn);
            text.Append(CultureInfo.InvariantCulture, $"    {id} [label=\"{Escape(resource.Urn)}\"];\n");
            foreach (var dependent in ordered.Where(d => d.Dependencies.Contains(resource.Urn)))
            {
                var properties = dependent.PropertyDependencies
                    .Where(pair => pair.Value.Contains(resource.Urn))
                    .Select(pair => pair.Key)
                    .Order(StringComparer.Ordinal);
                text.Append(CultureInfo.InvariantCulture,
                    $"    {id} -> {Id(dependent.Urn)} [color = \"{DependencyEdgeColor}\", label = \"{Escape(string.Join(", ", properties))}\"];\n");
            }

            if (resource.Parent is not null && byUrn.ContainsKey(resource.Parent))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {id} -> {Id(resource.Parent)} [color = \"{ParentEdgeColor}\"];\n");
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
