namespace Infra.ProxmoxVE.CT;

/// <summary>A network interface of a container.</summary>
public sealed partial class ContainerNetworkInterfaceArgs : ResourceArgs
{
    /// <summary>The interface name inside the container, e.g. <c>eth0</c>.</summary>
    [Input("name")]
    public required Input<string> Name { get; init; }

    /// <summary>The bridge. <value>The default is <c>vmbr0</c>.</value></summary>
    [Input("bridge")]
    public Input<string>? Bridge { get; init; }

    /// <summary>The VLAN tag (1 to 4094).</summary>
    [Input("vlanId")]
    public Input<int>? VlanId { get; init; }

    /// <summary>The MAC address.</summary>
    [Input("macAddress")]
    public Input<string>? MacAddress { get; init; }

    /// <summary>The MTU.</summary>
    [Input("mtu")]
    public Input<int>? Mtu { get; init; }

    /// <summary>Whether the Proxmox firewall applies.</summary>
    [Input("firewall")]
    public Input<bool>? Firewall { get; init; }

    /// <summary>Whether the interface exists. <value>The default is true.</value></summary>
    [Input("enabled")]
    public Input<bool>? Enabled { get; init; }

    /// <summary>The rate limit in MB/s.</summary>
    [Input("rateLimit")]
    public Input<double>? RateLimit { get; init; }
}
