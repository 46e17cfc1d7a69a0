using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.TestDoubles.Kubernetes;

/// <summary>Small helpers to read nested JSON objects.</summary>
public static class KubernetesJsonPath
{
    /// <summary>The string at a path of nested objects, or null.</summary>
    public static string? Get(JsonNode? node, params string[] path)
    {
        var current = Node(node, path);
        return current is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    /// <summary>The integer at a path, or null.</summary>
    public static long? GetInt(JsonNode? node, params string[] path)
    {
        var current = Node(node, path);
        return current is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? (long)double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The node at a path, or null.</summary>
    public static JsonNode? Node(JsonNode? node, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = node;
        foreach (var segment in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
