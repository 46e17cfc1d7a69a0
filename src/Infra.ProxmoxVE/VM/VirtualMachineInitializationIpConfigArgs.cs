namespace Infra.ProxmoxVE.VM;

/// <summary>Cloud-init IP settings of one network device.</summary>
public sealed partial class VirtualMachineInitializationIpConfigArgs : ResourceArgs
{
    /// <summary>IPv4 settings.</summary>
    [Input("ipv4")]
    public VirtualMachineInitializationIpConfigIpv4Args? Ipv4 { get; init; }

    /// <summary>IPv6 settings.</summary>
    [Input("ipv6")]
    public VirtualMachineInitializationIpConfigIpv6Args? Ipv6 { get; init; }
}
