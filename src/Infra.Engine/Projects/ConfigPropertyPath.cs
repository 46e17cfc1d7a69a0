using System.Globalization;
using System.Text;

namespace Infra.Engine.Projects;

/// <summary>
/// Parses the property paths of <c>pulumi config set --path</c>: <c>outer.inner</c>, <c>names[0]</c>,
/// <c>["dotted.key"]["nested.key"]</c>, and mixtures such as <c>servers[1].host</c>.
/// </summary>
internal static class ConfigPropertyPath
{
    /// <summary>Parses a path into segments; the first segment is always a name.</summary>
    /// <exception cref="FormatException">The path is malformed.</exception>
    public static IReadOnlyList<ConfigPathSegment> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<ConfigPathSegment>();
        var position = 0;
        while (position < path.Length)
        {
            var c = path[position];
            if (c == '[')
            {
                segments.Add(ReadBracket(path, ref position));
                continue;
            }

            if (segments.Count > 0)
            {
                if (c != '.')
                {
                    throw Error(path, $"expected '.' or '[' at position {position.ToString(CultureInfo.InvariantCulture)}");
                }

                position++;
            }

            var start = position;
            while (position < path.Length && path[position] is not ('.' or '['))
            {
                position++;
            }

            if (position == start)
            {
                throw Error(path, $"empty name at position {start.ToString(CultureInfo.InvariantCulture)}");
            }

            segments.Add(ConfigPathSegment.Member(path[start..position]));
        }

        if (segments.Count == 0)
        {
            throw Error(path, "the path is empty");
        }

        if (segments[0].IsIndex)
        {
            throw Error(path, "the first segment must be a name (the config key), not an index");
        }

        return segments;
    }

    private static ConfigPathSegment ReadBracket(string path, ref int position)
    {
        var open = position;
        position++;
        if (position < path.Length && path[position] == '"')
        {
            position++;
            var name = new StringBuilder();
            while (position < path.Length && path[position] != '"')
            {
                if (path[position] == '\\' && position + 1 < path.Length)
                {
                    position++;
                }

                name.Append(path[position]);
                position++;
            }

            if (position + 1 >= path.Length || path[position + 1] != ']')
            {
                throw Error(path, $"unterminated [\"...\"] starting at position {open.ToString(CultureInfo.InvariantCulture)}");
            }

            position += 2;
            return ConfigPathSegment.Member(name.ToString());
        }

        var close = path.IndexOf(']', position);
        if (close < 0)
        {
            throw Error(path, $"missing ']' for '[' at position {open.ToString(CultureInfo.InvariantCulture)}");
        }

        var text = path[position..close];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw Error(path, $"an index must be a non-negative integer (was '{text}')");
        }

        position = close + 1;
        return ConfigPathSegment.At(index);
    }

    private static FormatException Error(string path, string rule) => new($"invalid config path '{path}': {rule}");
}
