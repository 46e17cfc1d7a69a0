namespace Infra.ProxmoxVE.CT;

/// <summary>Initial settings of a container.</summary>
public sealed partial class ContainerInitializationArgs : ResourceArgs
{
    /// <summary>The hostname.</summary>
    [Input("hostname")]
    public Input<string>? Hostname { get; init; }

    /// <summary>DNS settings.</summary>
    [Input("dns")]
    public ContainerInitializationDnsArgs? Dns { get; init; }

    /// <summary>IP settings, one per network interface.</summary>
    [Input("ipConfigs")]
    public InputList<ContainerInitializationIpConfigArgs>? IpConfigs { get; init; }

    /// <summary>The root account; forces replacement.</summary>
    [Input("userAccount")]
    public ContainerInitializationUserAccountArgs? UserAccount { get; init; }

    /// <summary>The command run as init (application containers).</summary>
    [Input("entrypoint")]
    public Input<string>? Entrypoint { get; init; }
}
