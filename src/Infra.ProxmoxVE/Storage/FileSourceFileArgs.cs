namespace Infra.ProxmoxVE.Storage;

/// <summary>A file taken from a local path or a URL.</summary>
public sealed partial class FileSourceFileArgs : ResourceArgs
{
    /// <summary>A local path or <c>http(s)://</c> URL.</summary>
    [Input("path")]
    public required Input<string> Path { get; init; }

    /// <summary>The expected SHA256 checksum.</summary>
    [Input("checksum")]
    public Input<string>? Checksum { get; init; }

    /// <summary>Set to force a new upload.</summary>
    [Input("changed")]
    public Input<bool>? Changed { get; init; }

    /// <summary>The file name (taken from the path when unset).</summary>
    [Input("fileName")]
    public Input<string>? FileName { get; init; }

    /// <summary>Whether to skip TLS verification of the URL.</summary>
    [Input("insecure")]
    public Input<bool>? Insecure { get; init; }

    /// <summary>The minimum TLS version of the URL.</summary>
    [Input("minTls")]
    public Input<string>? MinTls { get; init; }
}
