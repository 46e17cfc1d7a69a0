using System.Collections.Immutable;
using System.Globalization;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>Reads plain values out of the command provider's property maps (secrets unwrapped, outputs resolved).</summary>
internal static class CommandValues
{
    /// <summary>The value with every secret/output envelope removed at the top level.</summary>
    public static PropertyValue Plain(PropertyValue value)
    {
        while (true)
        {
            switch (value.Kind)
            {
                case PropertyValueKind.Secret:
                    value = value.SecretValue;
                    continue;
                case PropertyValueKind.Output when value.OutputValue.Value is { } inner:
                    value = inner;
                    continue;
                case PropertyValueKind.Output:
                    return PropertyValue.Unknown;
                default:
                    return value;
            }
        }
    }

    /// <summary>The member of <paramref name="map"/> without envelopes, or null when missing or null.</summary>
    public static PropertyValue? Get(IReadOnlyDictionary<string, PropertyValue> map, string key) =>
        map.TryGetValue(key, out var value) && Plain(value) is { IsNull: false } plain ? plain : null;

    /// <summary>A string member, or null when missing, null or not a string.</summary>
    public static string? GetString(IReadOnlyDictionary<string, PropertyValue> map, string key) =>
        Get(map, key) is { Kind: PropertyValueKind.String } value ? value.StringValue : null;

    /// <summary>A boolean member, or <paramref name="defaultValue"/> when missing or not a bool.</summary>
    public static bool GetBool(IReadOnlyDictionary<string, PropertyValue> map, string key, bool defaultValue) =>
        Get(map, key) is { Kind: PropertyValueKind.Bool } value ? value.BoolValue : defaultValue;

    /// <summary>An integral number member, or <paramref name="defaultValue"/> when missing or not a number.</summary>
    public static int GetInt(IReadOnlyDictionary<string, PropertyValue> map, string key, int defaultValue) =>
        Get(map, key) is { Kind: PropertyValueKind.Number } value ? (int)value.NumberValue : defaultValue;

    /// <summary>A string-array member (non-string items dropped), empty when missing.</summary>
    public static ImmutableArray<string> GetStrings(IReadOnlyDictionary<string, PropertyValue> map, string key) =>
        Get(map, key) is { Kind: PropertyValueKind.Array } value
            ? [.. value.ArrayValue.Select(Plain).Where(v => v.Kind == PropertyValueKind.String).Select(v => v.StringValue)]
            : [];

    /// <summary>A string-map member (non-string values dropped), empty when missing.</summary>
    public static ImmutableSortedDictionary<string, string> GetStringMap(IReadOnlyDictionary<string, PropertyValue> map, string key) =>
        Get(map, key) is { Kind: PropertyValueKind.Object } value
            ? value.ObjectValue
                .Select(p => KeyValuePair.Create(p.Key, Plain(p.Value)))
                .Where(p => p.Value.Kind == PropertyValueKind.String)
                .ToImmutableSortedDictionary(p => p.Key, p => p.Value.StringValue, StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>A short, non-secret rendering of a value for check failures: <c>"text"</c>, <c>42</c>, <c>missing</c>.</summary>
    public static string Describe(PropertyValue? value)
    {
        if (value is null)
        {
            return "missing";
        }

        value = Plain(value);
        return value.Kind switch
        {
            PropertyValueKind.Null => "null",
            PropertyValueKind.String => "\"" + (value.StringValue.Length > 80 ? value.StringValue[..77] + "..." : value.StringValue) + "\"",
            PropertyValueKind.Number => value.NumberValue.ToString("R", CultureInfo.InvariantCulture),
            PropertyValueKind.Bool => value.BoolValue ? "true" : "false",
            PropertyValueKind.Array => "an array",
            PropertyValueKind.Object => "an object",
            _ => "a " + value.Kind.ToString().ToLowerInvariant(),
        };
    }
}
