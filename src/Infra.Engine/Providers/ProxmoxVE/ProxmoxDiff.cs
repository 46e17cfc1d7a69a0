using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Builds a <see cref="DiffResult"/> from per-key replacement rules (the "R" fields of the schema and the CustomizeDiff rules).</summary>
internal static class ProxmoxDiff
{
    /// <summary>Decides whether a changed top-level key forces a replacement (an unknown new value is assumed to change).</summary>
    public delegate bool ReplaceRule(string key, PropertyValue? oldValue, PropertyValue? newValue);

    public static DiffResult Compute(
        IReadOnlyDictionary<string, PropertyValue> olds,
        IReadOnlyDictionary<string, PropertyValue> news,
        ReplaceRule forcesReplacement,
        bool deleteBeforeReplace)
    {
        var changes = PropertyMaps.Compare(olds, news);
        if (changes.IsEmpty)
        {
            return DiffResult.NoChanges;
        }

        var replaceKeys = ImmutableArray.CreateBuilder<string>();
        var detailed = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        foreach (var (key, kind) in changes)
        {
            var replace = forcesReplacement(key, olds.GetValueOrDefault(key), news.GetValueOrDefault(key));
            if (replace)
            {
                replaceKeys.Add(key);
            }

            detailed[key] = new PropertyDiff(replace ? ToReplace(kind) : kind);
        }

        return new DiffResult
        {
            Changes = DiffChanges.Some,
            ChangedKeys = [.. changes.Keys],
            ReplaceKeys = replaceKeys.ToImmutable(),
            DeleteBeforeReplace = replaceKeys.Count > 0 && deleteBeforeReplace,
            DetailedDiff = detailed.ToImmutable(),
        };
    }

    /// <summary>Whether any of <paramref name="fields"/> of an object property differs (unknown counts as different).</summary>
    public static bool FieldsDiffer(PropertyValue? oldValue, PropertyValue? newValue, params string[] fields)
    {
        if (newValue is not null && newValue.ContainsUnknowns && Props.Plain(newValue) is null)
        {
            return true;
        }

        var olds = Props.Plain(oldValue) is { Kind: PropertyValueKind.Object } o ? o.ObjectValue : null;
        var news = Props.Plain(newValue) is { Kind: PropertyValueKind.Object } n ? n.ObjectValue : null;
        foreach (var field in fields)
        {
            var before = olds?.GetValueOrDefault(field);
            var after = news?.GetValueOrDefault(field);
            if (after is not null && after.ContainsUnknowns)
            {
                return true;
            }

            if (!Equals(before ?? PropertyValue.Null, after ?? PropertyValue.Null))
            {
                return true;
            }
        }

        return false;
    }

    private static PropertyDiffKind ToReplace(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => PropertyDiffKind.AddReplace,
        PropertyDiffKind.Delete => PropertyDiffKind.DeleteReplace,
        _ => PropertyDiffKind.UpdateReplace,
    };
}
