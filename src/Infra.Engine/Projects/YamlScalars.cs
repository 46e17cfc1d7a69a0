using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Engine.Projects;

/// <summary>
/// How a plain (unquoted) YAML scalar is typed, following the YAML 1.2 core schema that the Go YAML
/// library used by Pulumi applies, and which strings need quotes so they read back as strings.
/// </summary>
internal static partial class YamlScalars
{
    private static readonly HashSet<string> NullSpellings = new(StringComparer.Ordinal) { string.Empty, "~", "null", "Null", "NULL" };

    private static readonly HashSet<string> TrueSpellings = new(StringComparer.Ordinal) { "true", "True", "TRUE" };

    private static readonly HashSet<string> FalseSpellings = new(StringComparer.Ordinal) { "false", "False", "FALSE" };

    // YAML 1.1 booleans: YAML 1.2 reads them as strings, but older readers do not, so they are quoted on write.
    private static readonly HashSet<string> LegacyBooleans = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    };

    /// <summary>The kind a plain scalar with this text resolves to.</summary>
    public static ConfigValueKind Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NullSpellings.Contains(text))
        {
            return ConfigValueKind.Null;
        }

        if (TrueSpellings.Contains(text) || FalseSpellings.Contains(text))
        {
            return ConfigValueKind.Boolean;
        }

        if (IntegerPattern().IsMatch(text))
        {
            return ConfigValueKind.Integer;
        }

        return FloatPattern().IsMatch(text) ? ConfigValueKind.Float : ConfigValueKind.String;
    }

    /// <summary>True for the YAML spellings of true.</summary>
    public static bool IsTrue(string text) => TrueSpellings.Contains(text);

    /// <summary>True when a string must be quoted so that it reads back as a string.</summary>
    public static bool NeedsQuotes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Resolve(text) != ConfigValueKind.String || LegacyBooleans.Contains(text) || Base60Pattern().IsMatch(text);
    }

    /// <summary>Parses a YAML float spelling (including <c>.inf</c> and <c>.nan</c>).</summary>
    public static double ParseFloat(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (body is ".inf" or ".Inf" or ".INF")
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (body is ".nan" or ".NaN" or ".NAN")
        {
            return double.NaN;
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Base60Pattern();
}
