using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;

namespace Infra.Protocol.Values;

/// <summary>
/// The exact <c>google.protobuf.Struct</c>/<c>Value</c> encoding of property values
/// (pulumi-protocol.md §5): numbers as doubles, null members omitted from objects but kept in lists,
/// special objects marked with the signature key, unknowns as sentinel strings.
/// </summary>
public static class StructEncoding
{
    /// <summary>Encodes a property map as a Struct. Null members are omitted.</summary>
    /// <param name="properties">The properties, by wire name.</param>
    public static Struct ToStruct(IEnumerable<KeyValuePair<string, PropertyValue>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var result = new Struct();
        if (properties is ImmutableSortedDictionary<string, PropertyValue> sorted && sorted.KeyComparer == StringComparer.Ordinal)
        {
            foreach (var (key, value) in sorted)
            {
                if (!value.IsNull)
                {
                    result.Fields[key] = ToValue(value);
                }
            }

            return result;
        }

        foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!value.IsNull)
            {
                result.Fields[key] = ToValue(value);
            }
        }

        return result;
    }

    /// <summary>Encodes one property value.</summary>
    /// <param name="value">The value.</param>
    public static Value ToValue(PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case PropertyValueKind.Null:
                return Value.ForNull();
            case PropertyValueKind.Bool:
                return Value.ForBool(value.BoolValue);
            case PropertyValueKind.Number:
                return Value.ForNumber(value.NumberValue);
            case PropertyValueKind.String:
                return Value.ForString(value.StringValue);
            case PropertyValueKind.Unknown:
                return Value.ForString(WireConstants.SentinelFor(value.UnknownKind));
            case PropertyValueKind.Array:
                return Value.ForList(value.ArrayValue.Select(ToValue).ToArray());
            case PropertyValueKind.Object:
                return Value.ForStruct(ToStruct(value.ObjectValue));
            case PropertyValueKind.Secret:
                return Special(WireConstants.SecretSignature, ("value", ToValue(value.SecretValue)));
            case PropertyValueKind.Asset:
                {
                    var asset = value.AssetValue;
                    return Special(
                        WireConstants.AssetSignature,
                        ("text", StringOrNull(asset.Text)),
                        ("path", StringOrNull(asset.Path)),
                        ("uri", StringOrNull(asset.Uri)),
                        ("hash", StringOrNull(asset.Hash)));
                }

            case PropertyValueKind.Archive:
                {
                    var archive = value.ArchiveValue;
                    var assets = archive.Assets is null ? null : Value.ForStruct(ToStruct(archive.Assets));
                    return Special(
                        WireConstants.ArchiveSignature,
                        ("assets", assets),
                        ("path", StringOrNull(archive.Path)),
                        ("uri", StringOrNull(archive.Uri)),
                        ("hash", StringOrNull(archive.Hash)));
                }

            case PropertyValueKind.ResourceReference:
                {
                    var reference = value.ResourceReferenceValue;
                    return Special(
                        WireConstants.ResourceReferenceSignature,
                        ("urn", Value.ForString(reference.Urn)),
                        ("id", reference.Id is null ? null : Value.ForString(reference.Id)),
                        ("packageVersion", StringOrNull(reference.PackageVersion)));
                }

            case PropertyValueKind.Output:
                {
                    var output = value.OutputValue;
                    var dependencies = output.Dependencies.IsDefaultOrEmpty
                        ? null
                        : Value.ForList(output.Dependencies.Select(Value.ForString).ToArray());
                    return Special(
                        WireConstants.OutputValueSignature,
                        ("value", output.Value is null ? null : ToValue(output.Value)),
                        ("secret", output.IsSecret ? Value.ForBool(true) : null),
                        ("dependencies", dependencies));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unsupported property value kind.");
        }
    }

    /// <summary>Decodes a Struct into a property map.</summary>
    /// <param name="value">The Struct; <see langword="null"/> gives an empty map.</param>
    /// <param name="skipInternalKeys">Skip top-level keys that start with <c>__</c> (engine-internal).</param>
    public static ImmutableSortedDictionary<string, PropertyValue> FromStruct(Struct? value, bool skipInternalKeys = true)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        if (value is null)
        {
            return builder.ToImmutable();
        }

        foreach (var (key, field) in value.Fields)
        {
            if (skipInternalKeys && key.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            builder[key] = FromValue(field);
        }

        return builder.ToImmutable();
    }

    /// <summary>Decodes one Value, recognising every special object and all seven unknown sentinels.</summary>
    /// <param name="value">The wire value.</param>
    public static PropertyValue FromValue(Value value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value.KindCase)
        {
            case Value.KindOneofCase.None:
            case Value.KindOneofCase.NullValue:
                return PropertyValue.Null;
            case Value.KindOneofCase.BoolValue:
                return PropertyValue.Create(value.BoolValue);
            case Value.KindOneofCase.NumberValue:
                return PropertyValue.Create(value.NumberValue);
            case Value.KindOneofCase.StringValue:
                return WireConstants.UnknownKindOf(value.StringValue) is { } kind
                    ? PropertyValue.CreateUnknown(kind)
                    : PropertyValue.Create(value.StringValue);
            case Value.KindOneofCase.ListValue:
                return PropertyValue.CreateArray(value.ListValue.Values.Select(FromValue));
            case Value.KindOneofCase.StructValue:
                return FromObject(value.StructValue);
            default:
                throw new InvalidDataException($"Unsupported protobuf value kind {value.KindCase}.");
        }
    }

    private static PropertyValue FromObject(Struct value)
    {
        if (!value.Fields.TryGetValue(WireConstants.SignatureKey, out var signature))
        {
            return PropertyValue.CreateObject(value.Fields.Select(p => KeyValuePair.Create(p.Key, FromValue(p.Value))));
        }

        var fields = value.Fields;
        switch (signature.StringValue)
        {
            case WireConstants.SecretSignature:
                return PropertyValue.CreateSecret(fields.TryGetValue("value", out var secret) ? FromValue(secret) : PropertyValue.Null);
            case WireConstants.AssetSignature:
                return PropertyValue.CreateAsset(new AssetValue(
                    Text: OptionalString(fields, "text"),
                    Path: OptionalString(fields, "path"),
                    Uri: OptionalString(fields, "uri"),
                    Hash: OptionalString(fields, "hash")));
            case WireConstants.ArchiveSignature:
                return PropertyValue.CreateArchive(new ArchiveValue(
                    Assets: fields.TryGetValue("assets", out var assets) && assets.KindCase == Value.KindOneofCase.StructValue
                        ? FromStruct(assets.StructValue, skipInternalKeys: false)
                        : null,
                    Path: OptionalString(fields, "path"),
                    Uri: OptionalString(fields, "uri"),
                    Hash: OptionalString(fields, "hash")));
            case WireConstants.ResourceReferenceSignature:
                return PropertyValue.CreateResourceReference(new ResourceReferenceValue(
                    Urn: OptionalString(fields, "urn") ?? throw new InvalidDataException("A resource reference has no 'urn'."),
                    Id: fields.TryGetValue("id", out var id) ? id.StringValue : null,
                    PackageVersion: OptionalString(fields, "packageVersion")));
            case WireConstants.OutputValueSignature:
                {
                    var inner = fields.TryGetValue("value", out var v) ? FromValue(v) : null;
                    var isSecret = fields.TryGetValue("secret", out var s) && s.BoolValue;
                    var dependencies = fields.TryGetValue("dependencies", out var d) && d.KindCase == Value.KindOneofCase.ListValue
                        ? d.ListValue.Values.Select(x => x.StringValue).ToImmutableArray()
                        : [];
                    if (inner is { Kind: PropertyValueKind.Unknown })
                    {
                        inner = null;
                    }

                    return PropertyValue.CreateOutput(new OutputPropertyValue(inner, isSecret, dependencies));
                }

            default:
                throw new InvalidDataException($"Unrecognized special-object signature '{signature.StringValue}'.");
        }
    }

    private static string? OptionalString(Google.Protobuf.Collections.MapField<string, Value> fields, string key) =>
        fields.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    private static Value? StringOrNull(string? value) => value is null ? null : Value.ForString(value);

    private static Value Special(string signature, params (string Key, Value? Value)[] members)
    {
        var result = new Struct();
        result.Fields[WireConstants.SignatureKey] = Value.ForString(signature);
        foreach (var (key, member) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (member is not null)
            {
                result.Fields[key] = member;
            }
        }

        return Value.ForStruct(result);
    }
}
