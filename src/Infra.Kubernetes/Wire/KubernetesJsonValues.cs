using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Infra.Kubernetes.Wire;

/// <summary>
/// Converts values to and from their Kubernetes JSON shape. Model values (<c>k8s.Models</c>) go through
/// <see cref="KubernetesJson"/>, so custom converters (IntOrString, ResourceQuantity, dates, byte arrays)
/// produce exactly what the Kubernetes API expects; the SDK's serializer then sends the
/// <see cref="JsonNode"/> as is. Null members are dropped.
/// </summary>
internal static class KubernetesJsonValues
{
    /// <summary>Turns an input of any model, map, list or scalar into an output of its Kubernetes JSON.</summary>
    public static Output<JsonNode?> ToJson<T>(Input<T> input) => input.ToOutput().Apply(value => ToNode(value));

    /// <summary>The Kubernetes JSON of a value, with null members removed; null for null.</summary>
    public static JsonNode? ToNode(object? value)
    {
        var node = value switch
        {
            null => null,
            JsonNode json => json.DeepClone(),
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            _ => JsonNode.Parse(KubernetesJson.Serialize(value)),
        };
        return WithoutNulls(node);
    }

    /// <summary>Reads an output received as JSON into a model; null when the field is absent.</summary>
    public static Output<T?> FromJson<T>(Output<JsonElement?> json)
        where T : class =>
        json.Apply(element => element is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value
            ? KubernetesJson.Deserialize<T>(value)
            : null);

    /// <summary>Reads a JSON array output into models; empty when the field is absent.</summary>
    public static Output<ImmutableArray<T>> FromJsonArray<T>(Output<JsonElement?> json) =>
        json.Apply(element => element is { ValueKind: JsonValueKind.Array } value
            ? [.. KubernetesJson.Deserialize<List<T>>(value) ?? []]
            : ImmutableArray<T>.Empty);

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, member) in obj)
                {
                    WithoutNulls(member);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutNulls(item);
                }

                break;
        }

        return node;
    }
}
