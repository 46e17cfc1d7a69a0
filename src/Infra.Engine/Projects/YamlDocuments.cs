using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Engine.Projects;

/// <summary>Small helpers to load a YAML document whose root is a map, reporting problems instead of throwing.</summary>
internal static class YamlDocuments
{
    /// <summary>
    /// Loads the first document. Returns an empty map for an empty text, and null (with a problem
    /// added) when the text is not valid YAML or its root is not a map. A UTF-8 BOM is ignored.
    /// </summary>
    public static YamlMappingNode? LoadRootMapping(string text, string what, ICollection<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException exception)
        {
            problems.Add(new ValidationProblem
            {
                Key = $"line {exception.Start.Line.ToString(CultureInfo.InvariantCulture)}, column {exception.Start.Column.ToString(CultureInfo.InvariantCulture)}",
                Rule = $"the {what} is not valid YAML: {exception.Message}",
            });
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        switch (stream.Documents[0].RootNode)
        {
            case YamlMappingNode mapping:
                return mapping;
            case YamlScalarNode scalar when ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.Null:
                return new YamlMappingNode();
            default:
                problems.Add(new ValidationProblem { Key = "(root)", Rule = $"the {what} must be a YAML map" });
                return null;
        }
    }

    /// <summary>The map's entries with scalar keys, in file order.</summary>
    public static IReadOnlyDictionary<string, YamlNode> ToFieldMap(YamlMappingNode mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                fields[name] = value;
            }
        }

        return fields;
    }
}
