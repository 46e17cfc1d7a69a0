namespace Infra.ProxmoxVE.VM;

/// <summary>Cloud-init IPv6 settings.</summary>
public sealed partial class VirtualMachineInitializationIpConfigIpv6Args : ResourceArgs
{
    /// <summary>A CIDR address, <c>dhcp</c> or <c>auto</c>.</summary>
    [Input("address")]
    public Input<string>? Address { get; init; }

    /// <summary>The gateway address.</summary>
    [Input("gateway")]
    public Input<string>? Gateway { get; init; }
}
