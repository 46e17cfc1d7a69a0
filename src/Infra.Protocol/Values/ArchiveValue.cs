using System.Collections.Immutable;

namespace Infra.Protocol.Values;

/// <summary>An archive: exactly one of a map of named assets/archives, a path or a URI, plus an optional hash.</summary>
/// <param name="Assets">Named members, each an asset or archive <see cref="PropertyValue"/>.</param>
/// <param name="Path">A .zip/.tar/.tgz/.jar file or a directory.</param>
/// <param name="Uri">A remote URI.</param>
/// <param name="Hash">The lowercase hex SHA-256 the engine fills in.</param>
public sealed record ArchiveValue(
    ImmutableSortedDictionary<string, PropertyValue>? Assets = null,
    string? Path = null,
    string? Uri = null,
    string? Hash = null)
{
    /// <inheritdoc/>
    public bool Equals(ArchiveValue? other) =>
        other is not null
        && Path == other.Path
        && Uri == other.Uri
        && Hash == other.Hash
        && PropertyValue.MapsEqual(Assets, other.Assets);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path, Uri, Hash, Assets?.Count ?? -1);
}
