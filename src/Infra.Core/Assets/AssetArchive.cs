using System.Collections.Immutable;

namespace Infra.Assets;

/// <summary>An archive made of named assets and archives.</summary>
/// <param name="assets">Member name to <see cref="Asset"/> or <see cref="Archive"/>.</param>
public sealed class AssetArchive(IReadOnlyDictionary<string, object> assets) : Archive
{
    /// <summary>The members.</summary>
    public ImmutableSortedDictionary<string, object> Assets { get; } = Validate(assets);

    private static ImmutableSortedDictionary<string, object> Validate(IReadOnlyDictionary<string, object> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var bad = assets.Where(p => p.Value is not (Asset or Archive)).Select(p => p.Key).ToList();
        if (bad.Count > 0)
        {
            throw new ArgumentException($"AssetArchive members must be assets or archives; not: {string.Join(", ", bad)}.", nameof(assets));
        }

        return assets.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
