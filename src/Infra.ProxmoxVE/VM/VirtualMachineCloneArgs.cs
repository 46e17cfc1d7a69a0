namespace Infra.ProxmoxVE.VM;

/// <summary>Where a VM is cloned from. Every field forces replacement.</summary>
public sealed partial class VirtualMachineCloneArgs : ResourceArgs
{
    /// <summary>The id of the source VM or template.</summary>
    [Input("vmId")]
    public required Input<int> VmId { get; init; }

    /// <summary>The node that holds the source (defaults to the VM's node).</summary>
    [Input("nodeName")]
    public Input<string>? NodeName { get; init; }

    /// <summary>The target datastore of the cloned disks.</summary>
    [Input("datastoreId")]
    public Input<string>? DatastoreId { get; init; }

    /// <summary>Whether to make a full clone (true) or a linked clone. <value>The default is true.</value></summary>
    [Input("full")]
    public Input<bool>? Full { get; init; }

    /// <summary>How often a clone that failed on a Proxmox lock timeout is retried. <value>The built-in provider defaults to 3.</value></summary>
    [Input("retries")]
    public Input<int>? Retries { get; init; }
}
