using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Cli.Rendering;

/// <summary>
/// Writes property values as plain JSON for machine-readable output (<c>--json</c>, <c>stack output</c>):
/// secrets become the string <c>[secret]</c> unless shown, unknowns the string <c>[unknown]</c>,
/// resource references their URN, assets and archives an object naming their source.
/// </summary>
internal static class PropertyValueJson
{
    /// <summary>Writes <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, PropertyValue value, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case PropertyValueKind.Null:
                writer.WriteNullValue();
                break;
            case PropertyValueKind.Bool:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case PropertyValueKind.Number:
                WriteNumber(writer, value.NumberValue);
                break;
            case PropertyValueKind.String:
                writer.WriteStringValue(value.StringValue);
                break;
            case PropertyValueKind.Unknown:
                writer.WriteStringValue(ValueFormatter.UnknownPlaceholder);
                break;
            case PropertyValueKind.Secret:
                if (showSecrets)
                {
                    Write(writer, value.SecretValue, showSecrets);
                }
                else
                {
                    writer.WriteStringValue(ValueFormatter.SecretPlaceholder);
                }

                break;
            case PropertyValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.ArrayValue)
                {
                    Write(writer, item, showSecrets);
                }

                writer.WriteEndArray();
                break;
            case PropertyValueKind.Object:
                WriteObject(writer, value.ObjectValue, showSecrets);
                break;
            case PropertyValueKind.Asset:
                var asset = value.AssetValue;
                writer.WriteStartObject();
                WriteOptional(writer, "hash", asset.Hash);
                WriteOptional(writer, "path", asset.Path);
                WriteOptional(writer, "uri", asset.Uri);
                WriteOptional(writer, "text", asset.Text);
                writer.WriteEndObject();
                break;
            case PropertyValueKind.Archive:
                var archive = value.ArchiveValue;
                writer.WriteStartObject();
                WriteOptional(writer, "hash", archive.Hash);
                WriteOptional(writer, "path", archive.Path);
                WriteOptional(writer, "uri", archive.Uri);
                writer.WriteEndObject();
                break;
            case PropertyValueKind.ResourceReference:
                writer.WriteStringValue(value.ResourceReferenceValue.Urn);
                break;
            case PropertyValueKind.Output:
                var output = value.OutputValue;
                if (output.IsSecret && !showSecrets)
                {
                    writer.WriteStringValue(ValueFormatter.SecretPlaceholder);
                }
                else if (output.Value is null)
                {
                    writer.WriteStringValue(ValueFormatter.UnknownPlaceholder);
                }
                else
                {
                    Write(writer, output.Value, showSecrets);
                }

                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Writes a map of values as a JSON object with its keys in ordinal order.</summary>
    public static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, PropertyValue>> members, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(members);
        writer.WriteStartObject();
        foreach (var (key, member) in members.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            Write(writer, member, showSecrets);
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (Math.Floor(number) == number && Math.Abs(number) < 9e15)
        {
            writer.WriteNumberValue((long)number);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
