using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Kubernetes.Tests.Typed;

/// <summary>
/// Writes a wire value as compact JSON with sorted keys, so tests can compare whole shapes in one
/// assertion. Secrets are written as <c>{"$secret":…}</c> and unknowns as <c>"$unknown"</c>.
/// </summary>
internal static class WireJson
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(PropertyValue value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Null:
                builder.Append("null");
                break;
            case PropertyValueKind.Bool:
                builder.Append(value.BoolValue ? "true" : "false");
                break;
            case PropertyValueKind.Number:
                builder.Append(value.NumberValue.ToString("R", CultureInfo.InvariantCulture));
                break;
            case PropertyValueKind.String:
                builder.Append(JsonSerializer.Serialize(value.StringValue, Strings));
                break;
            case PropertyValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < value.ArrayValue.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Append(builder, value.ArrayValue[i]);
                }

                builder.Append(']');
                break;
            case PropertyValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var (key, member) in value.ObjectValue)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(JsonSerializer.Serialize(key, Strings)).Append(':');
                    Append(builder, member);
                }

                builder.Append('}');
                break;
            case PropertyValueKind.Secret:
                builder.Append("{\"$secret\":");
                Append(builder, value.SecretValue);
                builder.Append('}');
                break;
            case PropertyValueKind.Unknown:
                builder.Append("\"$unknown\"");
                break;
            default:
                builder.Append('"').Append(value.Kind).Append('"');
                break;
        }
    }
}
