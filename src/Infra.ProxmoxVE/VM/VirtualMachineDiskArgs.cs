namespace Infra.ProxmoxVE.VM;

/// <summary>A disk of a VM.</summary>
public sealed partial class VirtualMachineDiskArgs : ResourceArgs
{
    /// <summary>The interface: <c>scsiN</c> (0-30), <c>sataN</c> (0-5), <c>virtioN</c> (0-15) or <c>ideN</c> (0-3).</summary>
    [Input("interface")]
    public required Input<string> Interface { get; init; }

    /// <summary>The datastore. <value>The default is <c>local-lvm</c>.</value></summary>
    [Input("datastoreId")]
    public Input<string>? DatastoreId { get; init; }

    /// <summary>Size in GB; a disk can grow but never shrink. <value>The default is 8.</value></summary>
    [Input("size")]
    public Input<int>? Size { get; init; }

    /// <summary>The file format (<c>raw</c>, <c>qcow2</c>, <c>vmdk</c>).</summary>
    [Input("fileFormat")]
    public Input<string>? FileFormat { get; init; }

    /// <summary>A file to use as the disk (<c>datastore:type/file</c>); forces replacement. Prefer <see cref="ImportFrom"/>.</summary>
    [Input("fileId")]
    public Input<string>? FileId { get; init; }

    /// <summary>A disk image to import (<c>datastore:import/file</c>).</summary>
    [Input("importFrom")]
    public Input<string>? ImportFrom { get; init; }

    /// <summary>The AIO mode (<c>io_uring</c>, <c>native</c>, <c>threads</c>).</summary>
    [Input("aio")]
    public Input<string>? Aio { get; init; }

    /// <summary>Whether the disk is included in backups.</summary>
    [Input("backup")]
    public Input<bool>? Backup { get; init; }

    /// <summary>The cache mode.</summary>
    [Input("cache")]
    public Input<string>? Cache { get; init; }

    /// <summary>The discard mode (<c>on</c> or <c>ignore</c>).</summary>
    [Input("discard")]
    public Input<string>? Discard { get; init; }

    /// <summary>Whether the disk uses an IO thread.</summary>
    [Input("iothread")]
    public Input<bool>? Iothread { get; init; }

    /// <summary>Whether the disk is replicated.</summary>
    [Input("replicate")]
    public Input<bool>? Replicate { get; init; }

    /// <summary>The disk serial number.</summary>
    [Input("serial")]
    public Input<string>? Serial { get; init; }

    /// <summary>Whether the disk is presented as an SSD.</summary>
    [Input("ssd")]
    public Input<bool>? Ssd { get; init; }

    /// <summary>The path of an existing volume in the datastore.</summary>
    [Input("pathInDatastore")]
    public Input<string>? PathInDatastore { get; init; }

    /// <summary>Speed limits (set explicitly to avoid perpetual diffs on clones).</summary>
    [Input("speed")]
    public VirtualMachineDiskSpeedArgs? Speed { get; init; }
}
