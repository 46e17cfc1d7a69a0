namespace Infra.ProxmoxVE.CT;

/// <summary>IPv6 settings of a container interface.</summary>
public sealed partial class ContainerInitializationIpConfigIpv6Args : ResourceArgs
{
    /// <summary>A CIDR address, <c>dhcp</c> or <c>auto</c>.</summary>
    [Input("address")]
    public Input<string>? Address { get; init; }

    /// <summary>The gateway.</summary>
    [Input("gateway")]
    public Input<string>? Gateway { get; init; }
}
