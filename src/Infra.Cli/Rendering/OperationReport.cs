using Infra.Protocol.Values;

namespace Infra.Cli.Rendering;

/// <summary>
/// The sections printed after the progress (pulumi-formats.md §5.1): <c>Diagnostics:</c>,
/// <c>Outputs:</c>, <c>Resources:</c> and, for non-preview runs, <c>Duration:</c>.
/// </summary>
internal static class OperationReport
{
    /// <summary>The lines after the progress, starting with a blank line.</summary>
    public static IReadOnlyList<string> EndSections(ProgressModel model, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string> { string.Empty };
        AddDiagnostics(lines, model);
        var result = model.Result;
        if (result is not null && result.Outputs.Count > 0)
        {
            lines.Add("Outputs:");
            lines.AddRange(FormatOutputs(result.Outputs, options.ShowSecrets));
            lines.Add(string.Empty);
        }

        var errored = model.Rows.Count(row => row.Failed);
        lines.AddRange(ResourceSummary.Format(model.DisplayCounts, model.IsPreview, errored));
        lines.Add(string.Empty);
        if (!model.IsPreview && result is not null)
        {
            lines.Add("Duration: " + GoDuration.FormatRoundedUp(result.Duration));
            lines.Add(string.Empty);
        }

        return lines;
    }

    /// <summary>Output lines: 4-space indent, keys padded to the widest key, values as in a diff.</summary>
    public static IEnumerable<string> FormatOutputs(IReadOnlyDictionary<string, PropertyValue> outputs, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 0)
        {
            yield break;
        }

        var width = outputs.Keys.Max(key => key.Length);
        foreach (var (key, value) in outputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var text = ValueFormatter.Format(value, showSecrets, "    ");
            foreach (var line in $"    {key.PadRight(width)}: {text}".Split('\n'))
            {
                yield return line;
            }
        }
    }

    private static void AddDiagnostics(List<string> lines, ProgressModel model)
    {
        if (model.Diagnostics.Count == 0)
        {
            return;
        }

        lines.Add("Diagnostics:");
        foreach (var group in model.Diagnostics.GroupBy(entry => entry.Urn ?? string.Empty))
        {
            lines.Add("  " + GroupHeader(model, group.Key.Length == 0 ? null : group.Key) + ":");
            foreach (var entry in group)
            {
                lines.AddRange(entry.DisplayText.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
            }

            lines.Add(string.Empty);
        }
    }

    private static string GroupHeader(ProgressModel model, string? urn)
    {
        if (model.Find(urn) is { } row)
        {
            return $"{row.DisplayType} ({row.Name})";
        }

        if (urn is null)
        {
            return $"{TypeDisplay.StackType} ({model.Project}-{model.Stack})";
        }

        return $"{TypeDisplay.Simplify(TypeDisplay.TypeOfUrn(urn))} ({TypeDisplay.NameOfUrn(urn)})";
    }
}
