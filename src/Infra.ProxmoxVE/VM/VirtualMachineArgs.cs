namespace Infra.ProxmoxVE.VM;

/// <summary>Inputs of <see cref="VirtualMachine"/> (wire names of the proxmoxve 8.x <c>VmLegacy</c> resource).</summary>
public sealed partial class VirtualMachineArgs : ResourceArgs
{
    /// <summary>The node that hosts the VM. Changing it replaces the VM unless <see cref="Migrate"/> is true.</summary>
    [Input("nodeName")]
    public required Input<string> NodeName { get; init; }

    /// <summary>The VM id (100 to 999999999). Computed (next free id) when unset; changing it replaces the VM.</summary>
    [Input("vmId")]
    public Input<int>? VmId { get; init; }

    /// <summary>The VM name.</summary>
    [Input("name")]
    public Input<string>? Name { get; init; }

    /// <summary>The description (shown in the Proxmox UI notes).</summary>
    [Input("description")]
    public Input<string>? Description { get; init; }

    /// <summary>Tags. Proxmox sorts them; give them sorted (the built-in provider normalises them) to avoid perpetual diffs.</summary>
    [Input("tags")]
    public InputList<string>? Tags { get; init; }

    /// <summary>Clone from an existing VM or template instead of creating an empty VM (every field forces replacement).</summary>
    [Input("clone")]
    public VirtualMachineCloneArgs? Clone { get; init; }

    /// <summary>The CPU.</summary>
    [Input("cpu")]
    public VirtualMachineCpuArgs? Cpu { get; init; }

    /// <summary>The memory.</summary>
    [Input("memory")]
    public VirtualMachineMemoryArgs? Memory { get; init; }

    /// <summary>The disks (a disk can grow but never shrink).</summary>
    [Input("disks")]
    public InputList<VirtualMachineDiskArgs>? Disks { get; init; }

    /// <summary>The network devices (<c>net0</c>, <c>net1</c>, ... in order).</summary>
    [Input("networkDevices")]
    public InputList<VirtualMachineNetworkDeviceArgs>? NetworkDevices { get; init; }

    /// <summary>Cloud-init settings.</summary>
    [Input("initialization")]
    public VirtualMachineInitializationArgs? Initialization { get; init; }

    /// <summary>The QEMU guest agent.</summary>
    [Input("agent")]
    public VirtualMachineAgentArgs? Agent { get; init; }

    /// <summary>The guest operating system type.</summary>
    [Input("operatingSystem")]
    public VirtualMachineOperatingSystemArgs? OperatingSystem { get; init; }

    /// <summary>Whether the VM runs. <value>The default is true.</value></summary>
    [Input("started")]
    public Input<bool>? Started { get; init; }

    /// <summary>Whether the VM starts when the node boots. <value>The default is true.</value></summary>
    [Input("onBoot")]
    public Input<bool>? OnBoot { get; init; }

    /// <summary>Whether to reboot the VM after it was created. <value>The default is false.</value></summary>
    [Input("reboot")]
    public Input<bool>? Reboot { get; init; }

    /// <summary>Whether to reboot after an update that needs it. <value>The default is true.</value></summary>
    [Input("rebootAfterUpdate")]
    public Input<bool>? RebootAfterUpdate { get; init; }

    /// <summary>Whether destroy stops the VM (true) or shuts it down gracefully (false). <value>The default is false.</value></summary>
    [Input("stopOnDestroy")]
    public Input<bool>? StopOnDestroy { get; init; }

    /// <summary>Whether the VM is a template. Forces replacement. <value>The default is false.</value></summary>
    [Input("template")]
    public Input<bool>? Template { get; init; }

    /// <summary>Whether a changed <see cref="NodeName"/> migrates the VM instead of replacing it. <value>The default is false.</value></summary>
    [Input("migrate")]
    public Input<bool>? Migrate { get; init; }

    /// <summary>The BIOS (<c>seabios</c> or <c>ovmf</c>). <value>The default is <c>seabios</c>.</value></summary>
    [Input("bios")]
    public Input<string>? Bios { get; init; }

    /// <summary>The machine type, e.g. <c>q35</c>. <value>The default is <c>pc</c>.</value></summary>
    [Input("machine")]
    public Input<string>? Machine { get; init; }

    /// <summary>The SCSI controller. <value>The default is <c>virtio-scsi-pci</c>.</value></summary>
    [Input("scsiHardware")]
    public Input<string>? ScsiHardware { get; init; }

    /// <summary>Extra KVM arguments (needs root@pam).</summary>
    [Input("kvmArguments")]
    public Input<string>? KvmArguments { get; init; }

    /// <summary>The keyboard layout.</summary>
    [Input("keyboardLayout")]
    public Input<string>? KeyboardLayout { get; init; }

    /// <summary>Whether ACPI is enabled. <value>The default is true.</value></summary>
    [Input("acpi")]
    public Input<bool>? Acpi { get; init; }

    /// <summary>Whether a USB tablet device is attached. <value>The default is true.</value></summary>
    [Input("tabletDevice")]
    public Input<bool>? TabletDevice { get; init; }

    /// <summary>Whether the VM is protected against removal. <value>The default is false.</value></summary>
    [Input("protection")]
    public Input<bool>? Protection { get; init; }

    /// <summary>The resource pool.</summary>
    [Input("poolId")]
    public Input<string>? PoolId { get; init; }

    /// <summary>A hook script snippet (<c>datastore:snippets/file</c>).</summary>
    [Input("hookScriptFileId")]
    public Input<string>? HookScriptFileId { get; init; }

    /// <summary>Seconds to wait for a clone. <value>The default is 1800.</value></summary>
    [Input("timeoutClone")]
    public Input<int>? TimeoutClone { get; init; }

    /// <summary>Seconds to wait for a create. <value>The default is 1800.</value></summary>
    [Input("timeoutCreate")]
    public Input<int>? TimeoutCreate { get; init; }

    /// <summary>Seconds to wait for a migration. <value>The default is 1800.</value></summary>
    [Input("timeoutMigrate")]
    public Input<int>? TimeoutMigrate { get; init; }

    /// <summary>Seconds to wait for a reboot. <value>The default is 1800.</value></summary>
    [Input("timeoutReboot")]
    public Input<int>? TimeoutReboot { get; init; }

    /// <summary>Seconds to wait for a graceful shutdown. <value>The default is 1800.</value></summary>
    [Input("timeoutShutdownVm")]
    public Input<int>? TimeoutShutdownVm { get; init; }

    /// <summary>Seconds to wait for a start. <value>The default is 1800.</value></summary>
    [Input("timeoutStartVm")]
    public Input<int>? TimeoutStartVm { get; init; }

    /// <summary>Seconds to wait for a stop. <value>The default is 300.</value></summary>
    [Input("timeoutStopVm")]
    public Input<int>? TimeoutStopVm { get; init; }

    /// <summary>Whether destroy also removes disks not referenced by the config. <value>The default is true.</value></summary>
    [Input("deleteUnreferencedDisksOnDestroy")]
    public Input<bool>? DeleteUnreferencedDisksOnDestroy { get; init; }

    /// <summary>Whether destroy also removes the VM from backup jobs, replication and HA. <value>The default is true.</value></summary>
    [Input("purgeOnDestroy")]
    public Input<bool>? PurgeOnDestroy { get; init; }
}
