using System.Collections.Immutable;
using System.Globalization;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Reads typed values out of property maps (secrets unwrapped, unknowns reported as absent or unknown).</summary>
internal static class Props
{
    public static ImmutableSortedDictionary<string, PropertyValue> EmptyMap { get; } = PropertyMaps.Empty;

    /// <summary>The value without secret/output envelopes; null for unknown or missing values.</summary>
    public static PropertyValue? Plain(PropertyValue? value) => value?.Kind switch
    {
        null => null,
        PropertyValueKind.Secret => Plain(value.SecretValue),
        PropertyValueKind.Output => value.OutputValue.Value is { } inner ? Plain(inner) : null,
        PropertyValueKind.Unknown => null,
        PropertyValueKind.Null => null,
        _ => value,
    };

    public static bool IsUnknown(PropertyValue? value) => value is not null && value.ContainsUnknowns;

    public static bool IsUnknown(IReadOnlyDictionary<string, PropertyValue> map, string key) =>
        map.TryGetValue(key, out var value) && value.ContainsUnknowns;

    public static bool Has(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && !value.IsNull;

    public static string? String(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        map is not null && map.TryGetValue(key, out var raw) && Plain(raw) is { } value
            ? value.Kind switch
            {
                PropertyValueKind.String => value.StringValue,
                PropertyValueKind.Number => value.NumberValue.ToString(CultureInfo.InvariantCulture),
                PropertyValueKind.Bool => value.BoolValue ? "true" : "false",
                _ => null,
            }
            : null;

    public static double? Number(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        map is not null && map.TryGetValue(key, out var raw) && Plain(raw) is { } value
            ? value.Kind switch
            {
                PropertyValueKind.Number => value.NumberValue,
                PropertyValueKind.String when double.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;

    public static int? Int(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        Number(map, key) is { } number ? (int)Math.Round(number) : null;

    public static bool? Bool(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        map is not null && map.TryGetValue(key, out var raw) && Plain(raw) is { } value
            ? value.Kind switch
            {
                PropertyValueKind.Bool => value.BoolValue,
                PropertyValueKind.String when bool.TryParse(value.StringValue, out var parsed) => parsed,
                _ => null,
            }
            : null;

    public static ImmutableSortedDictionary<string, PropertyValue>? Object(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        map is not null && map.TryGetValue(key, out var raw) && Plain(raw) is { Kind: PropertyValueKind.Object } value ? value.ObjectValue : null;

    public static ImmutableArray<PropertyValue> Array(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        map is not null && map.TryGetValue(key, out var raw) && Plain(raw) is { Kind: PropertyValueKind.Array } value ? value.ArrayValue : [];

    /// <summary>The objects of an array property (items that are not known objects are skipped).</summary>
    public static ImmutableArray<ImmutableSortedDictionary<string, PropertyValue>> Objects(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        [.. Array(map, key).Select(Plain).Where(v => v is { Kind: PropertyValueKind.Object }).Select(v => v!.ObjectValue)];

    public static ImmutableArray<string> Strings(IReadOnlyDictionary<string, PropertyValue>? map, string key) =>
        [.. Array(map, key).Select(Plain).Where(v => v is { Kind: PropertyValueKind.String }).Select(v => v!.StringValue)];

    public static PropertyValue Of(string value) => PropertyValue.Create(value);

    public static PropertyValue Of(int value) => PropertyValue.Create(value);

    public static PropertyValue Of(IEnumerable<string> values) => PropertyValue.CreateArray(values.Select(PropertyValue.Create));
}
