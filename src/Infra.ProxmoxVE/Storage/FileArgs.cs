namespace Infra.ProxmoxVE.Storage;

/// <summary>Inputs of <see cref="File"/> (a file uploaded to a datastore, e.g. a cloud-init snippet). Every content-defining input forces replacement.</summary>
public sealed partial class FileArgs : ResourceArgs
{
    /// <summary>The node.</summary>
    [Input("nodeName")]
    public required Input<string> NodeName { get; init; }

    /// <summary>The datastore (it must allow the content type).</summary>
    [Input("datastoreId")]
    public required Input<string> DatastoreId { get; init; }

    /// <summary>The content type (inferred from the file extension when unset).</summary>
    [Input("contentType")]
    public Input<StorageContentType>? ContentType { get; init; }

    /// <summary>Inline content (exactly one of this and <see cref="SourceFile"/>).</summary>
    [Input("sourceRaw")]
    public FileSourceRawArgs? SourceRaw { get; init; }

    /// <summary>A local path or URL (exactly one of this and <see cref="SourceRaw"/>).</summary>
    [Input("sourceFile")]
    public FileSourceFileArgs? SourceFile { get; init; }

    /// <summary>The octal file mode, e.g. <c>0700</c> (needs root@pam).</summary>
    [Input("fileMode")]
    public Input<string>? FileMode { get; init; }

    /// <summary>Whether to overwrite an existing file. <value>The default is true.</value></summary>
    [Input("overwrite")]
    public Input<bool>? Overwrite { get; init; }

    /// <summary>Seconds to wait for the upload. <value>The default is 1800.</value></summary>
    [Input("timeoutUpload")]
    public Input<int>? TimeoutUpload { get; init; }

    /// <summary>How the file is uploaded (<c>stream</c> or <c>sftp</c>).</summary>
    [Input("uploadMode")]
    public Input<string>? UploadMode { get; init; }
}
