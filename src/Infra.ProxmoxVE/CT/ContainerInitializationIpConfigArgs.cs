namespace Infra.ProxmoxVE.CT;

/// <summary>IP settings of one container interface.</summary>
public sealed partial class ContainerInitializationIpConfigArgs : ResourceArgs
{
    /// <summary>IPv4 settings.</summary>
    [Input("ipv4")]
    public ContainerInitializationIpConfigIpv4Args? Ipv4 { get; init; }

    /// <summary>IPv6 settings.</summary>
    [Input("ipv6")]
    public ContainerInitializationIpConfigIpv6Args? Ipv6 { get; init; }
}
