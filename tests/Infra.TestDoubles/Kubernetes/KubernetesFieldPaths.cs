using System.Text.Json.Nodes;

namespace Infra.TestDoubles.Kubernetes;

/// <summary>
/// Field paths for the double's server-side apply model: every scalar, list (lists are atomic here) and empty
/// object of an applied configuration is one owned field; a path is its segments joined by <see cref="Separator"/>.
/// </summary>
public static class KubernetesFieldPaths
{
    /// <summary>Joins path segments (a character no key contains).</summary>
    public const char Separator = '\u001f';

    private static readonly HashSet<string> Identity = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "status",
    };

    private static readonly HashSet<string> MetadataIdentity = new(StringComparer.Ordinal)
    {
        "name", "namespace", "resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "deletionTimestamp",
    };

    /// <summary>The owned leaves of an applied object, with their values.</summary>
    public static Dictionary<string, JsonNode?> Flatten(JsonObject applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in applied)
        {
            if (Identity.Contains(key))
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (!MetadataIdentity.Contains(metaKey))
                    {
                        Walk("metadata" + Separator + metaKey, metaValue, result);
                    }
                }

                continue;
            }

            Walk(key, value, result);
        }

        return result;
    }

    /// <summary>The node at a path, and whether it exists.</summary>
    public static bool TryGet(JsonObject root, string path, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? current = root;
        foreach (var segment in path.Split(Separator))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current))
            {
                value = null;
                return false;
            }
        }

        value = current;
        return true;
    }

    /// <summary>Sets a path, creating objects on the way (replacing non-objects).</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split(Separator);
        var current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current[segments[i]] is not JsonObject next)
            {
                next = [];
                current[segments[i]] = next;
            }

            current = next;
        }

        current[segments[^1]] = value?.DeepClone();
    }

    /// <summary>Removes a path (and parents left empty by it, except top-level keys).</summary>
    public static void Remove(JsonObject root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split(Separator);
        var chain = new List<JsonObject> { root };
        var current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current[segments[i]] is not JsonObject next)
            {
                return;
            }

            chain.Add(next);
            current = next;
        }

        current.Remove(segments[^1]);
        for (var i = chain.Count - 1; i >= 2; i--)
        {
            if (chain[i].Count == 0)
            {
                chain[i - 1].Remove(segments[i - 1]);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="other"/> or lies below or above it.</summary>
    public static bool Overlaps(string path, string other)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(other);
        return path == other
            || path.StartsWith(other + Separator, StringComparison.Ordinal)
            || other.StartsWith(path + Separator, StringComparison.Ordinal);
    }

    /// <summary>The path as the API server prints it, e.g. <c>.spec.replicas</c>.</summary>
    public static string Display(string path) => "." + path.Replace(Separator, '.');

    private static void Walk(string path, JsonNode? value, Dictionary<string, JsonNode?> result)
    {
        if (value is JsonObject { Count: > 0 } obj)
        {
            foreach (var (key, child) in obj)
            {
                Walk(path + Separator + key, child, result);
            }

            return;
        }

        result[path] = value;
    }
}
