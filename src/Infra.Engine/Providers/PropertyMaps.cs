using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Helpers for the ordinal-sorted property maps used throughout the engine.</summary>
internal static class PropertyMaps
{
    /// <summary>An empty map with ordinal key order.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> Empty { get; } =
        ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Creates an ordinal-sorted map.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> Create(IEnumerable<KeyValuePair<string, PropertyValue>> members) =>
        members.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Returns <paramref name="map"/> with ordinal key order (re-sorting only when needed).</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> Ordinal(ImmutableSortedDictionary<string, PropertyValue> map) =>
        ReferenceEquals(map.KeyComparer, StringComparer.Ordinal) ? map : map.WithComparers(StringComparer.Ordinal);

    /// <summary>Structural equality of two maps.</summary>
    public static bool AreEqual(
        IReadOnlyDictionary<string, PropertyValue> left,
        IReadOnlyDictionary<string, PropertyValue> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The top-level changes from <paramref name="olds"/> to <paramref name="news"/>, by key (ordinal order).</summary>
    public static ImmutableSortedDictionary<string, PropertyDiffKind> Compare(
        IReadOnlyDictionary<string, PropertyValue> olds,
        IReadOnlyDictionary<string, PropertyValue> news)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiffKind>(StringComparer.Ordinal);
        foreach (var (key, value) in news)
        {
            if (!olds.TryGetValue(key, out var old))
            {
                builder[key] = PropertyDiffKind.Add;
            }
            else if (!old.Equals(value))
            {
                builder[key] = PropertyDiffKind.Update;
            }
        }

        foreach (var key in olds.Keys)
        {
            if (!news.ContainsKey(key))
            {
                builder[key] = PropertyDiffKind.Delete;
            }
        }

        return builder.ToImmutable();
    }
}
