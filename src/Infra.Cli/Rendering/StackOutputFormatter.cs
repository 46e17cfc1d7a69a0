using Infra.Protocol.Values;

namespace Infra.Cli.Rendering;

/// <summary><c>stack output</c> (pulumi-formats.md §6.1): the table, a single value, or JSON; secrets masked unless shown.</summary>
internal static class StackOutputFormatter
{
    /// <summary>The table: <c>Current stack outputs (N):</c>, then <c>OUTPUT  VALUE</c> rows sorted by key.</summary>
    public static string FormatTable(IReadOnlyDictionary<string, PropertyValue> outputs, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var lines = new List<string> { $"Current stack outputs ({outputs.Count}):" };
        if (outputs.Count == 0)
        {
            lines.Add("    No output values currently in this stack");
        }
        else
        {
            var rows = outputs.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => (Key: pair.Key, Value: FormatValue(pair.Value, showSecrets)))
                .ToList();
            var width = rows.Select(r => r.Key.Length).Append("OUTPUT".Length).Max() + 2;
            lines.Add(("    " + "OUTPUT".PadRight(width) + "VALUE").TrimEnd());
            lines.AddRange(rows.Select(row => ("    " + row.Key.PadRight(width) + row.Value).TrimEnd()));
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>One value: a string raw, anything else as single-line JSON.</summary>
    public static string FormatValue(PropertyValue value, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(value);
        var unwrapped = value;
        while (unwrapped.Kind == PropertyValueKind.Secret && showSecrets)
        {
            unwrapped = unwrapped.SecretValue;
        }

        if (unwrapped.Kind == PropertyValueKind.Secret)
        {
            return ValueFormatter.SecretPlaceholder;
        }

        return unwrapped.Kind == PropertyValueKind.String
            ? unwrapped.StringValue
            : CliJson.Build(0, writer => PropertyValueJson.Write(writer, unwrapped, showSecrets));
    }

    /// <summary>JSON with a 2-space indent and a trailing newline: the whole map, or one value.</summary>
    public static string FormatJson(IReadOnlyDictionary<string, PropertyValue> outputs, string? name, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var json = name is null
            ? CliJson.Build(2, writer => PropertyValueJson.WriteObject(writer, outputs, showSecrets))
            : CliJson.Build(2, writer => PropertyValueJson.Write(writer, outputs[name], showSecrets));
        return json + "\n";
    }

    /// <summary>
    /// <c>--shell</c>: one <c>export NAME='value'</c> line per output (sorted), values as <see cref="FormatValue"/>
    /// gives them, single-quoted for POSIX shells. Characters a shell variable name cannot hold become <c>_</c>.
    /// </summary>
    public static string FormatShell(IReadOnlyDictionary<string, PropertyValue> outputs, string? name, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var builder = new System.Text.StringBuilder();
        foreach (var key in outputs.Keys.Where(k => name is null || k == name).Order(StringComparer.Ordinal))
        {
            builder.Append("export ").Append(ShellName(key)).Append("='")
                .Append(FormatValue(outputs[key], showSecrets).Replace("'", "'\\''", StringComparison.Ordinal))
                .Append("'\n");
        }

        return builder.ToString();
    }

    private static string ShellName(string key)
    {
        var chars = key.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var text = new string(chars);
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "_" + text : text;
    }
}
