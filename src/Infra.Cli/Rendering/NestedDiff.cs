using Infra.Protocol.Values;

namespace Infra.Cli.Rendering;

/// <summary>
/// The property-level difference between two values, as Pulumi's <c>--diff</c> shows it: objects and arrays
/// that exist on both sides are opened and only what changed inside them is listed (<c>+</c> added,
/// <c>-</c> removed, <c>~</c> changed), to any depth. Secrets are never opened unless shown.
/// </summary>
internal static class NestedDiff
{
    /// <summary>Whether <paramref name="old"/> → <paramref name="updated"/> is shown opened rather than as <c>old => new</c>.</summary>
    public static bool CanOpen(PropertyValue? old, PropertyValue? updated, bool showSecrets)
    {
        if (old is null || updated is null)
        {
            return false;
        }

        if (showSecrets)
        {
            old = old.WithoutSecrets();
            updated = updated.WithoutSecrets();
        }

        return (old.Kind, updated.Kind) is (PropertyValueKind.Object, PropertyValueKind.Object) or (PropertyValueKind.Array, PropertyValueKind.Array);
    }

    /// <summary>
    /// The lines of an opened change of <paramref name="key"/>: <c>~ key: {</c>, the inner changes one level
    /// deeper, and the closing bracket. <paramref name="markerIndent"/> is the indentation before the marker.
    /// </summary>
    public static IEnumerable<string> Lines(string markerIndent, string key, PropertyValue old, PropertyValue updated, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        if (showSecrets)
        {
            old = old.WithoutSecrets();
            updated = updated.WithoutSecrets();
        }

        var isObject = old.Kind == PropertyValueKind.Object;
        yield return $"{markerIndent}~ {key}: {(isObject ? "{" : "[")}";
        var inner = markerIndent + "    ";
        var entries = (isObject ? ObjectEntries(old, updated) : ArrayEntries(old, updated)).ToList();
        var width = entries.Count == 0 ? 0 : entries.Max(e => e.Name.Length);
        foreach (var (name, before, after) in entries)
        {
            foreach (var line in Entry(inner, name.PadRight(width), before, after, showSecrets))
            {
                yield return line;
            }
        }

        yield return $"{markerIndent}  {(isObject ? "}" : "]")}";
    }

    private static IEnumerable<string> Entry(string markerIndent, string name, PropertyValue? before, PropertyValue? after, bool showSecrets)
    {
        var valueIndent = markerIndent + "  ";
        if (before is null)
        {
            return $"{markerIndent}+ {name}: {ValueFormatter.Format(after!, showSecrets, valueIndent)}".Split('\n');
        }

        if (after is null)
        {
            return $"{markerIndent}- {name}: {ValueFormatter.Format(before, showSecrets, valueIndent)}".Split('\n');
        }

        if (CanOpen(before, after, showSecrets))
        {
            return Lines(markerIndent, name, before, after, showSecrets);
        }

        var text = $"{ValueFormatter.Format(before, showSecrets, valueIndent)} => {ValueFormatter.Format(after, showSecrets, valueIndent)}";
        return $"{markerIndent}~ {name}: {text}".Split('\n');
    }

    private static IEnumerable<(string Name, PropertyValue? Before, PropertyValue? After)> ObjectEntries(PropertyValue old, PropertyValue updated)
    {
        var before = old.ObjectValue;
        var after = updated.ObjectValue;
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var previous);
            var has = after.TryGetValue(key, out var next);
            if (had && has && previous!.Equals(next))
            {
                continue;
            }

            yield return (key, had ? previous : null, has ? next : null);
        }
    }

    private static IEnumerable<(string Name, PropertyValue? Before, PropertyValue? After)> ArrayEntries(PropertyValue old, PropertyValue updated)
    {
        var before = old.ArrayValue;
        var after = updated.ArrayValue;
        for (var i = 0; i < Math.Max(before.Length, after.Length); i++)
        {
            var previous = i < before.Length ? before[i] : null;
            var next = i < after.Length ? after[i] : null;
            if (previous is not null && next is not null && previous.Equals(next))
            {
                continue;
            }

            yield return ($"[{i}]", previous, next);
        }
    }
}
