using System.Text;

namespace Infra.Cli.Rendering;

/// <summary>
/// Lays out the interactive resource table (pulumi-formats.md §5.2): the op symbol, then Type (with the
/// parent tree drawn by <c>├─ </c>, <c>└─ </c> and <c>│  </c>), Name, Plan or Status, and Info; each column
/// padded to its widest cell plus 2 spaces; the Info header blank when no row has Info text.
/// </summary>
internal static class ProgressTableFormatter
{
    /// <summary>The header and one line per visible row, in tree order; trailing spaces trimmed.</summary>
    public static IReadOnlyList<TableLine> Format(ProgressModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ordered = TreeOrder(model);
        var finished = model.Finished;
        var cells = ordered
            .Select(entry => (entry.Row, Type: entry.Prefix + entry.Row.DisplayType, entry.Row.Name, entry.Row.Status, Info: entry.Row.Info(finished)))
            .ToList();
        var statusHeader = model.IsPreview ? "Plan" : "Status";
        var infoHeader = cells.Any(cell => cell.Info.Length > 0) ? "Info" : string.Empty;
        var typeWidth = cells.Select(c => c.Type.Length).Append("Type".Length).Max() + 2;
        var nameWidth = cells.Select(c => c.Name.Length).Append("Name".Length).Max() + 2;
        var statusWidth = cells.Select(c => c.Status.Length).Append(statusHeader.Length).Max() + 2;

        string Line(string symbol, string type, string name, string status, string info) =>
            new StringBuilder()
                .Append(' ').Append(symbol).Append("  ")
                .Append(type.PadRight(typeWidth))
                .Append(name.PadRight(nameWidth))
                .Append(status.PadRight(statusWidth))
                .Append(info)
                .ToString()
                .TrimEnd();

        var lines = new List<TableLine> { new(Line("  ", "Type", "Name", statusHeader, infoHeader), null) };
        lines.AddRange(cells.Select(cell => new TableLine(Line(StepDisplay.Symbol(cell.Row.Kind), cell.Type, cell.Name, cell.Status, cell.Info), cell.Row)));
        return lines;
    }

    /// <summary>Rows in tree order with their tree prefixes; siblings keep their order of appearance.</summary>
    public static IReadOnlyList<(ProgressRow Row, string Prefix)> TreeOrder(ProgressModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var children = new Dictionary<string, List<ProgressRow>>(StringComparer.Ordinal);
        var roots = new List<ProgressRow>();
        foreach (var row in model.Rows)
        {
            if (row.Parent is not null && model.Find(row.Parent) is not null && row.Parent != row.Urn)
            {
                if (!children.TryGetValue(row.Parent, out var list))
                {
                    list = [];
                    children[row.Parent] = list;
                }

                list.Add(row);
            }
            else
            {
                roots.Add(row);
            }
        }

        // Orphans sit under the stack when there is one, as the program's top-level resources do.
        var stack = roots.FirstOrDefault(row => row.IsStack);
        if (stack is not null)
        {
            var orphans = roots.Where(row => row != stack).ToList();
            if (orphans.Count > 0)
            {
                if (!children.TryGetValue(stack.Urn, out var list))
                {
                    list = [];
                    children[stack.Urn] = list;
                }

                list.AddRange(orphans);
                roots = [stack];
            }
        }

        var result = new List<(ProgressRow, string)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(ProgressRow row, string prefix, string childIndent)
        {
            if (!visited.Add(row.Urn))
            {
                return;
            }

            result.Add((row, prefix));
            if (!children.TryGetValue(row.Urn, out var kids))
            {
                return;
            }

            for (var i = 0; i < kids.Count; i++)
            {
                var last = i == kids.Count - 1;
                Visit(kids[i], childIndent + (last ? "└─ " : "├─ "), childIndent + (last ? "   " : "│  "));
            }
        }

        foreach (var root in roots)
        {
            Visit(root, string.Empty, string.Empty);
        }

        return result;
    }
}
