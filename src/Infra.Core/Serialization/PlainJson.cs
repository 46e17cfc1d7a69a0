using System.Globalization;
using System.Text;
using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Serialization;

/// <summary>Compact JSON text of plain property values (no secrets or unknowns inside).</summary>
internal static class PlainJson
{
    public static string Write(PropertyValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Bool:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case PropertyValueKind.Number:
                if (value.NumberValue == Math.Floor(value.NumberValue) && Math.Abs(value.NumberValue) < 1e15)
                {
                    writer.WriteRawValue(((long)value.NumberValue).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNumberValue(value.NumberValue);
                }

                break;
            case PropertyValueKind.String:
                writer.WriteStringValue(value.StringValue);
                break;
            case PropertyValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.ArrayValue)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case PropertyValueKind.Object:
                writer.WriteStartObject();
                foreach (var (key, member) in value.ObjectValue)
                {
                    writer.WritePropertyName(key);
                    Write(writer, member);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
