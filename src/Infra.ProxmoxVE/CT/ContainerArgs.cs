namespace Infra.ProxmoxVE.CT;

/// <summary>Inputs of <see cref="Container"/> (wire names of the proxmoxve 8.x <c>ContainerLegacy</c> resource).</summary>
public sealed partial class ContainerArgs : ResourceArgs
{
    /// <summary>The node that hosts the container; forces replacement.</summary>
    [Input("nodeName")]
    public required Input<string> NodeName { get; init; }

    /// <summary>The container id (computed when unset).</summary>
    [Input("vmId")]
    public Input<int>? VmId { get; init; }

    /// <summary>The description.</summary>
    [Input("description")]
    public Input<string>? Description { get; init; }

    /// <summary>Tags (normalised to sorted order by the built-in provider).</summary>
    [Input("tags")]
    public InputList<string>? Tags { get; init; }

    /// <summary>The template and OS type.</summary>
    [Input("operatingSystem")]
    public ContainerOperatingSystemArgs? OperatingSystem { get; init; }

    /// <summary>Hostname, DNS, addresses and the root account.</summary>
    [Input("initialization")]
    public ContainerInitializationArgs? Initialization { get; init; }

    /// <summary>The network interfaces.</summary>
    [Input("networkInterfaces")]
    public InputList<ContainerNetworkInterfaceArgs>? NetworkInterfaces { get; init; }

    /// <summary>The root disk.</summary>
    [Input("disk")]
    public ContainerDiskArgs? Disk { get; init; }

    /// <summary>The CPU.</summary>
    [Input("cpu")]
    public ContainerCpuArgs? Cpu { get; init; }

    /// <summary>The memory.</summary>
    [Input("memory")]
    public ContainerMemoryArgs? Memory { get; init; }

    /// <summary>Container features (nesting, fuse, keyctl, mknod, mounts).</summary>
    [Input("features")]
    public ContainerFeaturesArgs? Features { get; init; }

    /// <summary>Clone from an existing container; forces replacement.</summary>
    [Input("clone")]
    public ContainerCloneArgs? Clone { get; init; }

    /// <summary>Whether the container is unprivileged; forces replacement. <value>The default is false.</value></summary>
    [Input("unprivileged")]
    public Input<bool>? Unprivileged { get; init; }

    /// <summary>Whether the container is a template; forces replacement. <value>The default is false.</value></summary>
    [Input("template")]
    public Input<bool>? Template { get; init; }

    /// <summary>Whether the container starts when the node boots (the VM equivalent is <c>onBoot</c>). <value>The default is true.</value></summary>
    [Input("startOnBoot")]
    public Input<bool>? StartOnBoot { get; init; }

    /// <summary>Whether the container runs. <value>The default is true.</value></summary>
    [Input("started")]
    public Input<bool>? Started { get; init; }

    /// <summary>Whether the container is protected against removal.</summary>
    [Input("protection")]
    public Input<bool>? Protection { get; init; }

    /// <summary>Seconds to wait for a create. <value>The default is 1800.</value></summary>
    [Input("timeoutCreate")]
    public Input<int>? TimeoutCreate { get; init; }

    /// <summary>Seconds to wait for a clone. <value>The default is 1800.</value></summary>
    [Input("timeoutClone")]
    public Input<int>? TimeoutClone { get; init; }

    /// <summary>Seconds to wait for an update. <value>The default is 1800.</value></summary>
    [Input("timeoutUpdate")]
    public Input<int>? TimeoutUpdate { get; init; }

    /// <summary>Seconds to wait for a delete. <value>The default is 60.</value></summary>
    [Input("timeoutDelete")]
    public Input<int>? TimeoutDelete { get; init; }
}
