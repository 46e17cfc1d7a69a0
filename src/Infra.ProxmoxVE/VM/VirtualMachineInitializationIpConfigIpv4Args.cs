namespace Infra.ProxmoxVE.VM;

/// <summary>Cloud-init IPv4 settings.</summary>
public sealed partial class VirtualMachineInitializationIpConfigIpv4Args : ResourceArgs
{
    /// <summary>A CIDR address such as <c>10.0.0.5/24</c>, or <c>dhcp</c>.</summary>
    [Input("address")]
    public Input<string>? Address { get; init; }

    /// <summary>The gateway address.</summary>
    [Input("gateway")]
    public Input<string>? Gateway { get; init; }
}
