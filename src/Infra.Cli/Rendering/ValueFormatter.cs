using System.Globalization;
using System.Text;
using Infra.Protocol.Values;

namespace Infra.Cli.Rendering;

/// <summary>
/// Formats property values the way Pulumi's detailed diff does (pulumi-formats.md §5.7): strings with
/// Go <c>%q</c> quoting, whole numbers without exponent, <c>&lt;null&gt;</c>, <c>[unknown]</c>, and
/// <c>[secret]</c> unless secrets are shown. Arrays and objects span several lines.
/// </summary>
internal static class ValueFormatter
{
    /// <summary>The placeholder of a masked secret.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>The placeholder of a value not known until the update.</summary>
    public const string UnknownPlaceholder = "[unknown]";

    /// <summary>Formats <paramref name="value"/>; continuation lines start with <paramref name="indent"/>.</summary>
    public static string Format(PropertyValue value, bool showSecrets, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder();
        Append(text, value, showSecrets, indent);
        return text.ToString();
    }

    /// <summary>Quotes a string as Go's <c>%q</c> does.</summary>
    public static string GoQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 2);
        result.Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    result.Append("\\\"");
                    break;
                case '\\':
                    result.Append("\\\\");
                    break;
                case '\a':
                    result.Append("\\a");
                    break;
                case '\b':
                    result.Append("\\b");
                    break;
                case '\f':
                    result.Append("\\f");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                case '\t':
                    result.Append("\\t");
                    break;
                case '\v':
                    result.Append("\\v");
                    break;
                case < 0x20 or 0x7f:
                    result.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        result.Append(rune.Value > 0xFFFF
                            ? string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}")
                            : string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"));
                    }
                    else
                    {
                        result.Append(rune.ToString());
                    }

                    break;
            }
        }

        result.Append('"');
        return result.ToString();
    }

    /// <summary>A number as Go prints it: whole numbers without exponent, others in shortest form.</summary>
    public static string FormatNumber(double number)
    {
        if (Math.Floor(number) == number && Math.Abs(number) < 1e21)
        {
            return number.ToString("F0", CultureInfo.InvariantCulture);
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void Append(StringBuilder text, PropertyValue value, bool showSecrets, string indent)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Null:
                text.Append("<null>");
                break;
            case PropertyValueKind.Bool:
                text.Append(value.BoolValue ? "true" : "false");
                break;
            case PropertyValueKind.Number:
                text.Append(FormatNumber(value.NumberValue));
                break;
            case PropertyValueKind.String:
                text.Append(GoQuote(value.StringValue));
                break;
            case PropertyValueKind.Unknown:
                text.Append(UnknownPlaceholder);
                break;
            case PropertyValueKind.Secret:
                if (showSecrets)
                {
                    Append(text, value.SecretValue, showSecrets, indent);
                }
                else
                {
                    text.Append(SecretPlaceholder);
                }

                break;
            case PropertyValueKind.Array:
                AppendArray(text, value, showSecrets, indent);
                break;
            case PropertyValueKind.Object:
                AppendObject(text, value.ObjectValue, showSecrets, indent);
                break;
            case PropertyValueKind.Asset:
                AppendAsset(text, value.AssetValue);
                break;
            case PropertyValueKind.Archive:
                var archive = value.ArchiveValue;
                text.Append(archive.Path is not null ? $"archive(file:{ShortHash(archive.Hash)}) {{ {archive.Path} }}"
                    : archive.Uri is not null ? $"archive(uri:{ShortHash(archive.Hash)}) {{ {archive.Uri} }}"
                    : $"archive(assets:{ShortHash(archive.Hash)}) {{...}}");
                break;
            case PropertyValueKind.ResourceReference:
                text.Append(value.ResourceReferenceValue.Urn);
                break;
            case PropertyValueKind.Output:
                var output = value.OutputValue;
                if (output.IsSecret && !showSecrets)
                {
                    text.Append(SecretPlaceholder);
                }
                else if (output.Value is null)
                {
                    text.Append(UnknownPlaceholder);
                }
                else
                {
                    Append(text, output.Value, showSecrets, indent);
                }

                break;
            default:
                text.Append(value.Kind.ToString());
                break;
        }
    }

    private static void AppendArray(StringBuilder text, PropertyValue value, bool showSecrets, string indent)
    {
        var items = value.ArrayValue;
        if (items.IsEmpty)
        {
            text.Append("[]");
            return;
        }

        var inner = indent + "    ";
        text.Append('[').Append('\n');
        for (var i = 0; i < items.Length; i++)
        {
            text.Append(inner).Append(CultureInfo.InvariantCulture, $"[{i}]: ");
            Append(text, items[i], showSecrets, inner);
            text.Append('\n');
        }

        text.Append(indent).Append(']');
    }

    private static void AppendObject(StringBuilder text, System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> members, bool showSecrets, string indent)
    {
        if (members.Count == 0)
        {
            text.Append("{}");
            return;
        }

        var inner = indent + "    ";
        var width = members.Keys.Max(key => key.Length);
        text.Append('{').Append('\n');
        foreach (var (key, member) in members)
        {
            text.Append(inner).Append(key.PadRight(width)).Append(": ");
            Append(text, member, showSecrets, inner);
            text.Append('\n');
        }

        text.Append(indent).Append('}');
    }

    private static void AppendAsset(StringBuilder text, AssetValue asset)
    {
        if (asset.Text is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"asset(text:{ShortHash(asset.Hash)}) {{...}}");
        }
        else if (asset.Path is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"asset(file:{ShortHash(asset.Hash)}) {{ {asset.Path} }}");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"asset(uri:{ShortHash(asset.Hash)}) {{ {asset.Uri} }}");
        }
    }

    private static string ShortHash(string? hash) => hash is { Length: > 7 } ? hash[..7] : hash ?? string.Empty;
}
