using Infra.Assets;

namespace Infra.Command.Remote;

/// <summary>
/// What <see cref="CopyToRemote"/> copies: an <see cref="Asset"/> (file, text, remote) or an <see cref="Archive"/>
/// (directory, archive file, asset map, remote). Converts implicitly from either, plain or as an output.
/// </summary>
public sealed class CopyToRemoteSource
{
    private CopyToRemoteSource(Output<object> value)
    {
        Value = value;
    }

    /// <summary>The asset or archive as it goes on the wire.</summary>
    internal Output<object> Value { get; }

    /// <summary>Copies an asset.</summary>
    public static CopyToRemoteSource FromAsset(Input<Asset> asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new(asset.ToOutput().Apply(a => (object)a));
    }

    /// <summary>Copies an archive (a directory is copied recursively; archive files are not unpacked).</summary>
    public static CopyToRemoteSource FromArchive(Input<Archive> archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        return new(archive.ToOutput().Apply(a => (object)a));
    }

    /// <summary>Copies an asset.</summary>
    public static implicit operator CopyToRemoteSource(Asset asset) => FromAsset(asset);

    /// <summary>Copies an archive.</summary>
    public static implicit operator CopyToRemoteSource(Archive archive) => FromArchive(archive);

    /// <summary>Copies an asset computed by another resource.</summary>
    public static implicit operator CopyToRemoteSource(Output<Asset> asset) => FromAsset(asset);

    /// <summary>Copies an archive computed by another resource.</summary>
    public static implicit operator CopyToRemoteSource(Output<Archive> archive) => FromArchive(archive);
}
