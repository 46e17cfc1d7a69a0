namespace Infra.ProxmoxVE.Storage;

/// <summary>Inline file content.</summary>
public sealed partial class FileSourceRawArgs : ResourceArgs
{
    /// <summary>The content.</summary>
    [Input("data")]
    public required Input<string> Data { get; init; }

    /// <summary>The file name.</summary>
    [Input("fileName")]
    public required Input<string> FileName { get; init; }

    /// <summary>Resize the file to this many bytes.</summary>
    [Input("resize")]
    public Input<int>? Resize { get; init; }
}
