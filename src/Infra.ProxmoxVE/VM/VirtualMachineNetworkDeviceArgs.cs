namespace Infra.ProxmoxVE.VM;

/// <summary>A network device of a VM.</summary>
public sealed partial class VirtualMachineNetworkDeviceArgs : ResourceArgs
{
    /// <summary>The bridge. <value>The default is <c>vmbr0</c>.</value></summary>
    [Input("bridge")]
    public Input<string>? Bridge { get; init; }

    /// <summary>The model (<c>virtio</c>, <c>e1000</c>, <c>e1000e</c>, <c>rtl8139</c>, <c>vmxnet3</c>). <value>The default is <c>virtio</c>.</value></summary>
    [Input("model")]
    public Input<string>? Model { get; init; }

    /// <summary>The MAC address (computed when unset).</summary>
    [Input("macAddress")]
    public Input<string>? MacAddress { get; init; }

    /// <summary>The VLAN tag (1 to 4094).</summary>
    [Input("vlanId")]
    public Input<int>? VlanId { get; init; }

    /// <summary>The MTU (1 means: the bridge's MTU).</summary>
    [Input("mtu")]
    public Input<int>? Mtu { get; init; }

    /// <summary>The number of queues.</summary>
    [Input("queues")]
    public Input<int>? Queues { get; init; }

    /// <summary>The rate limit in MB/s.</summary>
    [Input("rateLimit")]
    public Input<double>? RateLimit { get; init; }

    /// <summary>Whether the Proxmox firewall applies.</summary>
    [Input("firewall")]
    public Input<bool>? Firewall { get; init; }

    /// <summary>Whether the device exists. <value>The default is true.</value></summary>
    [Input("enabled")]
    public Input<bool>? Enabled { get; init; }

    /// <summary>Whether the link is down.</summary>
    [Input("disconnected")]
    public Input<bool>? Disconnected { get; init; }

    /// <summary>Trunk VLAN ids separated by semicolons.</summary>
    [Input("trunks")]
    public Input<string>? Trunks { get; init; }
}
