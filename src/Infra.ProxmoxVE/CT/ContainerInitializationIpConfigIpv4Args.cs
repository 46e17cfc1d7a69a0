namespace Infra.ProxmoxVE.CT;

/// <summary>IPv4 settings of a container interface.</summary>
public sealed partial class ContainerInitializationIpConfigIpv4Args : ResourceArgs
{
    /// <summary>A CIDR address or <c>dhcp</c>.</summary>
    [Input("address")]
    public Input<string>? Address { get; init; }

    /// <summary>The gateway.</summary>
    [Input("gateway")]
    public Input<string>? Gateway { get; init; }
}
