using System.Collections.Immutable;
using System.Globalization;
using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>The <c>Resources:</c> summary (pulumi-formats.md §5.6).</summary>
internal static class ResourceSummary
{
    private static readonly StepKind[] CountedKinds =
        [StepKind.Create, StepKind.Update, StepKind.Delete, StepKind.Replace, StepKind.Refresh, StepKind.Import];

    /// <summary>The section's lines, starting with <c>Resources:</c>.</summary>
    public static IReadOnlyList<string> Format(IReadOnlyDictionary<StepKind, int> counts, bool isPreview, int errored = 0)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var lines = new List<string> { "Resources:" };
        var changes = 0;
        var kinds = 0;
        foreach (var kind in CountedKinds)
        {
            if (!counts.TryGetValue(kind, out var count) || count <= 0)
            {
                continue;
            }

            changes += count;
            kinds++;
            var text = isPreview ? $"to {StepDisplay.OpName(kind)}" : StepDisplay.SummaryPastText(kind);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {StepDisplay.Symbol(kind)}{count} {text}"));
        }

        var pieces = new List<string>();
        if (kinds >= 2)
        {
            pieces.Add(string.Create(CultureInfo.InvariantCulture, $"{changes} {(changes == 1 ? "change" : "changes")}"));
        }

        if (counts.TryGetValue(StepKind.Same, out var same) && same > 0)
        {
            pieces.Add(string.Create(CultureInfo.InvariantCulture, $"{same} unchanged"));
        }

        if (pieces.Count > 0)
        {
            lines.Add("    " + string.Join(". ", pieces));
        }

        if (errored > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {errored} errored"));
        }

        return lines;
    }

    /// <summary>Counts of an empty run.</summary>
    public static ImmutableSortedDictionary<StepKind, int> Empty { get; } = ImmutableSortedDictionary<StepKind, int>.Empty;
}
