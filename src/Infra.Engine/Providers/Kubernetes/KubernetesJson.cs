using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>Converts between property values and the Kubernetes JSON object (secrets unwrapped on the way out).</summary>
internal static class KubernetesJson
{
    /// <summary>The JSON of a known value; secret envelopes are removed. Unknowns are an error (the caller checks first).</summary>
    public static JsonNode? ToJson(PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind switch
        {
            PropertyValueKind.Null => null,
            PropertyValueKind.Bool => JsonValue.Create(value.BoolValue),
            PropertyValueKind.Number => NumberToJson(value.NumberValue),
            PropertyValueKind.String => JsonValue.Create(value.StringValue),
            PropertyValueKind.Array => new JsonArray([.. value.ArrayValue.Select(ToJson)]),
            PropertyValueKind.Object => ToJsonObject(value.ObjectValue),
            PropertyValueKind.Secret => ToJson(value.SecretValue),
            PropertyValueKind.Output when value.OutputValue.Value is { } inner => ToJson(inner),
            _ => throw new InvalidOperationException($"A {value.Kind} value cannot be sent to the Kubernetes API."),
        };
    }

    /// <summary>The JSON object of a property map.</summary>
    public static JsonObject ToJsonObject(IEnumerable<KeyValuePair<string, PropertyValue>> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result[key] = ToJson(value);
        }

        return result;
    }

    /// <summary>The property value of a JSON node.</summary>
    public static PropertyValue FromJson(JsonNode? node) => node switch
    {
        null => PropertyValue.Null,
        JsonObject obj => PropertyValue.CreateObject(obj.Select(p => KeyValuePair.Create(p.Key, FromJson(p.Value)))),
        JsonArray array => PropertyValue.CreateArray(array.Select(FromJson)),
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => PropertyValue.Create(scalar.GetValue<string>()),
            JsonValueKind.True => PropertyValue.True,
            JsonValueKind.False => PropertyValue.False,
            JsonValueKind.Number => PropertyValue.Create(NumberOf(scalar)),
            _ => PropertyValue.Null,
        },
        _ => PropertyValue.Null,
    };

    /// <summary>The property map of a JSON object.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> FromJsonObject(JsonObject obj) =>
        PropertyMaps.Create(obj.Select(p => KeyValuePair.Create(p.Key, FromJson(p.Value))));

    /// <summary>The string at a path of nested objects, or null.</summary>
    public static string? GetString(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = Walk(node, path);
        return current is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    /// <summary>The integer at a path of nested objects, or null.</summary>
    public static long? GetInt(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = Walk(node, path);
        return current is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? (long)NumberOf(value) : null;
    }

    /// <summary>The node at a path of nested objects, or null.</summary>
    public static JsonNode? Walk(JsonNode? node, ReadOnlySpan<string> path)
    {
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

    /// <summary>The member of an object value, or null.</summary>
    public static PropertyValue? Member(PropertyValue? value, string key)
    {
        var unwrapped = Unwrap(value);
        return unwrapped is { Kind: PropertyValueKind.Object } && unwrapped.ObjectValue.TryGetValue(key, out var member) ? member : null;
    }

    /// <summary>The value at a dot-separated path of object members, or null.</summary>
    public static PropertyValue? At(IReadOnlyDictionary<string, PropertyValue> map, string path)
    {
        var segments = path.Split('.');
        if (!map.TryGetValue(segments[0], out var current))
        {
            return null;
        }

        for (var i = 1; i < segments.Length && current is not null; i++)
        {
            current = Member(current, segments[i]);
        }

        return current;
    }

    /// <summary>A known string (secret envelopes removed), or null.</summary>
    public static string? AsString(PropertyValue? value) => Unwrap(value) is { Kind: PropertyValueKind.String } s ? s.StringValue : null;

    /// <summary>Removes secret and known-output envelopes at the top of a value.</summary>
    public static PropertyValue? Unwrap(PropertyValue? value) => value?.Kind switch
    {
        PropertyValueKind.Secret => Unwrap(value.SecretValue),
        PropertyValueKind.Output when value.OutputValue.Value is { } inner => Unwrap(inner),
        _ => value,
    };

    /// <summary>Returns <paramref name="value"/> as a map with <paramref name="key"/> set to <paramref name="member"/>.</summary>
    public static PropertyValue With(PropertyValue? value, string key, PropertyValue member)
    {
        var map = Unwrap(value) is { Kind: PropertyValueKind.Object } obj ? obj.ObjectValue : PropertyMaps.Empty;
        var result = PropertyValue.CreateObject(map.SetItem(key, member));
        return value?.Kind == PropertyValueKind.Secret ? PropertyValue.CreateSecret(result) : result;
    }

    /// <summary>Canonical JSON text of a property map (for hashing); secrets unwrapped, unknowns written as a marker.</summary>
    public static string Canonical(IReadOnlyDictionary<string, PropertyValue> map)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append('=').Append(value.ContainsUnknowns ? "?" : ToJson(value)?.ToJsonString() ?? "null").Append('\n');
        }

        return builder.ToString();
    }

    private static double NumberOf(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static JsonValue NumberToJson(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 9.007199254740992E15
            ? JsonValue.Create((long)number)
            : JsonValue.Create(double.Parse(number.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
