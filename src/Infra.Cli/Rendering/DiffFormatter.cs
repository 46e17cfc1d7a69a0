using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>
/// The detailed diff of one step (pulumi-formats.md §5.7): a header <c>&lt;symbol&gt; &lt;type&gt;: (&lt;op&gt;)</c>
/// indented 4 spaces per tree level, the <c>[urn=...]</c> pseudo-property, then one line per changed
/// property with <c>+</c>, <c>-</c> or <c>~ old =&gt; new</c> markers. Secrets show as <c>[secret]</c> unless shown.
/// </summary>
internal static class DiffFormatter
{
    /// <summary>The lines of the step's diff block.</summary>
    public static IReadOnlyList<string> Format(ProgressRow row, int level, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(row);
        var indent = new string(' ', 4 * level);
        var inner = new string(' ', 4 * (level + 1));
        var markerIndent = inner[..^2];
        var lines = new List<string>
        {
            $"{indent}{StepDisplay.Symbol(row.Kind)}{row.Type}: ({StepDisplay.OpName(row.Kind)})",
            $"{inner}[urn={row.Urn}]",
        };
        if (row.Changes.IsDefaultOrEmpty)
        {
            return lines;
        }

        var plainMarkers = row.Kind is StepKind.Create or StepKind.Import or StepKind.Read;
        var width = row.Changes.Max(change => change.Path.Length);
        foreach (var change in row.Changes.OrderBy(change => change.Path, StringComparer.Ordinal))
        {
            var key = change.Path.PadRight(width);
            var valueIndent = inner;
            string text;
            string marker;
            switch (change.Kind)
            {
                case PropertyChangeKind.Add or PropertyChangeKind.AddReplace:
                    marker = plainMarkers ? "  " : "+ ";
                    text = Value(change.New, showSecrets, valueIndent);
                    break;
                case PropertyChangeKind.Delete or PropertyChangeKind.DeleteReplace:
                    marker = "- ";
                    text = Value(change.Old, showSecrets, valueIndent);
                    break;
                default:
                    if (NestedDiff.CanOpen(change.Old, change.New, showSecrets))
                    {
                        lines.AddRange(NestedDiff.Lines(markerIndent, key, change.Old!, change.New!, showSecrets));
                        continue;
                    }

                    marker = "~ ";
                    text = $"{Value(change.Old, showSecrets, valueIndent)} => {Value(change.New, showSecrets, valueIndent)}";
                    break;
            }

            lines.AddRange($"{markerIndent}{marker}{key}: {text}".Split('\n'));
        }

        return lines;
    }

    private static string Value(Infra.Protocol.Values.PropertyValue? value, bool showSecrets, string indent) =>
        value is null ? "<null>" : ValueFormatter.Format(value, showSecrets, indent);
}
