using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Infra.Engine.State;

/// <summary>
/// The deployment's <c>manifest</c>: when and by which engine version it was written, and the magic
/// cookie (lowercase hex SHA-256 of the version) that the Pulumi CLI checks on every read.
/// </summary>
internal sealed record SnapshotManifest
{
    public required DateTimeOffset Time { get; init; }

    public required string Version { get; init; }

    public required string Magic { get; init; }

    public ImmutableArray<PluginInfo> Plugins { get; init; } = [];

    /// <summary>Creates a manifest with the correct magic cookie for <paramref name="version"/>.</summary>
    public static SnapshotManifest Create(DateTimeOffset time, string version) =>
        new() { Time = time, Version = version, Magic = ComputeMagic(version) };

    /// <summary>The magic cookie for a version: lowercase hex SHA-256 of it, or <c>""</c> for an empty version.</summary>
    public static string ComputeMagic(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Length == 0
            ? string.Empty
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)));
    }
}
