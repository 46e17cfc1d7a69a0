using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// The globs of <c>assetPaths</c>/<c>archivePaths</c>: files only, <c>/</c> as separator, <c>*</c> and <c>?</c>
/// within one path segment, <c>**</c> across segments, <c>!pattern</c> excludes; rules apply in order.
/// </summary>
internal static class PathGlob
{
    /// <summary>The files under <paramref name="root"/> (relative, <c>/</c>-separated, ordinal order) that the rules select.</summary>
    public static IReadOnlyList<string> Match(string root, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0 || !Directory.Exists(root))
        {
            return [];
        }

        var rules = patterns
            .Where(p => p.Length > 0)
            .Select(p => p.StartsWith('!') ? (Include: false, Regex: ToRegex(p[1..])) : (Include: true, Regex: ToRegex(p)))
            .ToList();
        var selected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var included = false;
            foreach (var (include, regex) in rules)
            {
                if (regex.IsMatch(relative))
                {
                    included = include;
                }
            }

            if (included)
            {
                selected.Add(relative);
            }
        }

        selected.Sort(StringComparer.Ordinal);
        return selected;
    }

    /// <summary>Translates one glob to an anchored regular expression.</summary>
    public static Regex ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        var text = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i++;
                if (i + 1 < text.Length && text[i + 1] == '/')
                {
                    i++;
                    builder.Append("(?:.*/)?");
                }
                else
                {
                    builder.Append(".*");
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
