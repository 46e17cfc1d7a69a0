namespace Infra.ProxmoxVE.VM;

/// <summary>Cloud-init settings of a VM.</summary>
public sealed partial class VirtualMachineInitializationArgs : ResourceArgs
{
    /// <summary>The datastore of the cloud-init drive. <value>The default is <c>local-lvm</c>.</value></summary>
    [Input("datastoreId")]
    public Input<string>? DatastoreId { get; init; }

    /// <summary>The interface of the cloud-init drive. <value>The default is <c>ide2</c>.</value></summary>
    [Input("interface")]
    public Input<string>? Interface { get; init; }

    /// <summary>The cloud-init type (<c>nocloud</c>, <c>configdrive2</c>); forces replacement.</summary>
    [Input("type")]
    public Input<string>? Type { get; init; }

    /// <summary>DNS settings.</summary>
    [Input("dns")]
    public VirtualMachineInitializationDnsArgs? Dns { get; init; }

    /// <summary>IP settings, one per network device (updated in place).</summary>
    [Input("ipConfigs")]
    public InputList<VirtualMachineInitializationIpConfigArgs>? IpConfigs { get; init; }

    /// <summary>The user account (conflicts with <see cref="UserDataFileId"/>).</summary>
    [Input("userAccount")]
    public VirtualMachineInitializationUserAccountArgs? UserAccount { get; init; }

    /// <summary>A user-data snippet (<c>datastore:snippets/file</c>); forces replacement.</summary>
    [Input("userDataFileId")]
    public Input<string>? UserDataFileId { get; init; }

    /// <summary>A vendor-data snippet; forces replacement.</summary>
    [Input("vendorDataFileId")]
    public Input<string>? VendorDataFileId { get; init; }

    /// <summary>A network-data snippet; forces replacement.</summary>
    [Input("networkDataFileId")]
    public Input<string>? NetworkDataFileId { get; init; }

    /// <summary>A meta-data snippet; forces replacement.</summary>
    [Input("metaDataFileId")]
    public Input<string>? MetaDataFileId { get; init; }

    /// <summary>The file format of the cloud-init drive; forces replacement.</summary>
    [Input("fileFormat")]
    public Input<string>? FileFormat { get; init; }
}
