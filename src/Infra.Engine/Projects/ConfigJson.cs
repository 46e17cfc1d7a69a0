using System.Globalization;
using System.Numerics;
using System.Text;

namespace Infra.Engine.Projects;

/// <summary>
/// Compact JSON text written the way Go's <c>encoding/json</c> writes it (the Pulumi engine and
/// language hosts are Go): object keys sorted by UTF-8 bytes, no spaces, <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> escaped as <c>\u003c</c>-style sequences, non-ASCII text left as is, and Go's float format.
/// </summary>
internal static class ConfigJson
{
    private const string SecretPlaceholder = "[secret]";

    /// <summary>
    /// Formats a structured value (or any value) as compact JSON, with every secure leaf decrypted by
    /// <paramref name="decrypt"/> and inlined as a JSON string.
    /// </summary>
    public static string Format(ConfigValue value, Func<string, string> decrypt)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(decrypt);
        var builder = new StringBuilder();
        Write(builder, value, decrypt);
        return builder.ToString();
    }

    /// <summary>
    /// A text safe to log: scalars as text, secure values as <c>[secret]</c>, structured values as JSON
    /// with secure leaves shown as the string <c>[secret]</c>.
    /// </summary>
    public static string FormatRedacted(ConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsScalar)
        {
            return value.ScalarText;
        }

        return value.Kind == ConfigValueKind.Secure ? SecretPlaceholder : Format(value, _ => SecretPlaceholder);
    }

    /// <summary>A JSON object of strings with sorted keys (the <c>PULUMI_CONFIG</c> shape).</summary>
    public static string FormatStringMap(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new StringBuilder("{");
        var first = true;
        foreach (var entry in entries.OrderBy(entry => entry.Key, Utf8OrdinalComparer.Instance))
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            WriteString(builder, entry.Key);
            builder.Append(':');
            WriteString(builder, entry.Value);
        }

        return builder.Append('}').ToString();
    }

    /// <summary>A JSON array of strings in the given order (the <c>PULUMI_CONFIG_SECRET_KEYS</c> shape).</summary>
    public static string FormatStringArray(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            WriteString(builder, item);
        }

        return builder.Append(']').ToString();
    }

    /// <summary>Formats a finite double as Go's <c>encoding/json</c> does (shortest digits; exponent form below 1e-6 and from 1e21).</summary>
    public static string FormatFloat(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var negative = value < 0;
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentIndex = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentIndex < 0 ? text : text[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(text[(exponentIndex + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var pointIndex = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = pointIndex < 0 ? mantissa : mantissa[..pointIndex];
        var fractionPart = pointIndex < 0 ? string.Empty : mantissa[(pointIndex + 1)..];
        var digits = integerPart + fractionPart;
        var pointPosition = integerPart.Length + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointPosition -= leadingZeros;

        var magnitude = Math.Abs(value);
        string result;
        if (magnitude < 1e-6 || magnitude >= 1e21)
        {
            var decimalExponent = pointPosition - 1;
            var body = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            var exponentText = decimalExponent < 0
                ? "-" + (-decimalExponent).ToString(CultureInfo.InvariantCulture)
                : "+" + decimalExponent.ToString("00", CultureInfo.InvariantCulture);
            result = $"{body}e{exponentText}";
        }
        else if (pointPosition <= 0)
        {
            result = "0." + new string('0', -pointPosition) + digits;
        }
        else if (pointPosition >= digits.Length)
        {
            result = digits + new string('0', pointPosition - digits.Length);
        }
        else
        {
            result = $"{digits[..pointPosition]}.{digits[pointPosition..]}";
        }

        return negative ? "-" + result : result;
    }

    /// <summary>
    /// The JSON number for a YAML integer spelling (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>): as a
    /// 64-bit integer when it fits, else as a float (Go reads int64, then uint64, then float64).
    /// </summary>
    public static string FormatInteger(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var negative = text.StartsWith('-');
        var body = text.TrimStart('-', '+');
        BigInteger value;
        if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (body.StartsWith("0o", StringComparison.Ordinal) || body.StartsWith("0b", StringComparison.Ordinal))
        {
            var radix = body[1] == 'o' ? 8 : 2;
            value = BigInteger.Zero;
            foreach (var digit in body[2..])
            {
                value = (value * radix) + (digit - '0');
            }
        }
        else
        {
            value = BigInteger.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (negative)
        {
            value = -value;
        }

        return value >= long.MinValue && value <= ulong.MaxValue
            ? value.ToString(CultureInfo.InvariantCulture)
            : FormatFloat((double)value);
    }

    private static void Write(StringBuilder builder, ConfigValue value, Func<string, string> decrypt)
    {
        switch (value.Kind)
        {
            case ConfigValueKind.Null:
                builder.Append("null");
                break;
            case ConfigValueKind.String:
                WriteString(builder, value.ScalarText);
                break;
            case ConfigValueKind.Boolean:
                builder.Append(value.ScalarText.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : "false");
                break;
            case ConfigValueKind.Integer:
                builder.Append(FormatInteger(value.ScalarText));
                break;
            case ConfigValueKind.Float:
                WriteFloat(builder, value.ScalarText);
                break;
            case ConfigValueKind.Secure:
                WriteString(builder, decrypt(value.Ciphertext));
                break;
            case ConfigValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var member in value.Members.OrderBy(member => member.Key, Utf8OrdinalComparer.Instance))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, member.Key);
                    builder.Append(':');
                    Write(builder, member.Value, decrypt);
                }

                builder.Append('}');
                break;
            case ConfigValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < value.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, value.Items[i], decrypt);
                }

                builder.Append(']');
                break;
            default:
                throw new InvalidOperationException($"Unknown config value kind {value.Kind}.");
        }
    }

    private static void WriteFloat(StringBuilder builder, string text)
    {
        var number = YamlScalars.ParseFloat(text);
        if (double.IsFinite(number))
        {
            builder.Append(FormatFloat(number));
        }
        else
        {
            // JSON has no NaN or infinity; keep the YAML spelling as a string rather than fail.
            WriteString(builder, text);
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append("\\ufffd");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private sealed class Utf8OrdinalComparer : IComparer<string>
    {
        public static Utf8OrdinalComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return string.CompareOrdinal(x, y);
            }

            return Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y));
        }
    }
}
