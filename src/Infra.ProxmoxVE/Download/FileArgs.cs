namespace Infra.ProxmoxVE.Download;

/// <summary>Inputs of <see cref="File"/> (a file Proxmox downloads from a URL; no SSH needed).</summary>
public sealed partial class FileArgs : ResourceArgs
{
    /// <summary>The node that downloads the file.</summary>
    [Input("nodeName")]
    public required Input<string> NodeName { get; init; }

    /// <summary>The datastore.</summary>
    [Input("datastoreId")]
    public required Input<string> DatastoreId { get; init; }

    /// <summary>The <c>http(s)://</c> URL.</summary>
    [Input("url")]
    public required Input<string> Url { get; init; }

    /// <summary>The content type.</summary>
    [Input("contentType")]
    public required Input<DownloadContentType> ContentType { get; init; }

    /// <summary>The file name (derived from the URL when unset).</summary>
    [Input("fileName")]
    public Input<string>? FileName { get; init; }

    /// <summary>The expected checksum.</summary>
    [Input("checksum")]
    public Input<string>? Checksum { get; init; }

    /// <summary>The checksum algorithm (<c>md5</c>, <c>sha1</c>, <c>sha224</c>, <c>sha256</c>, <c>sha384</c>, <c>sha512</c>).</summary>
    [Input("checksumAlgorithm")]
    public Input<string>? ChecksumAlgorithm { get; init; }

    /// <summary>Decompress after the download (<c>gz</c>, <c>lzo</c>, <c>zst</c>, <c>bz2</c>).</summary>
    [Input("decompressionAlgorithm")]
    public Input<string>? DecompressionAlgorithm { get; init; }

    /// <summary>Whether to download again when the size changed. <value>The default is true.</value></summary>
    [Input("overwrite")]
    public Input<bool>? Overwrite { get; init; }

    /// <summary>Whether to replace a file of the same name not managed here. <value>The default is false.</value></summary>
    [Input("overwriteUnmanaged")]
    public Input<bool>? OverwriteUnmanaged { get; init; }

    /// <summary>Seconds to wait for the download. <value>The default is 600.</value></summary>
    [Input("uploadTimeout")]
    public Input<int>? UploadTimeout { get; init; }

    /// <summary>Whether to verify the URL's TLS certificate. <value>The default is true.</value></summary>
    [Input("verify")]
    public Input<bool>? Verify { get; init; }
}
