namespace Infra.ProxmoxVE.CT;

/// <summary>DNS settings of a container.</summary>
public sealed partial class ContainerInitializationDnsArgs : ResourceArgs
{
    /// <summary>The search domain.</summary>
    [Input("domain")]
    public Input<string>? Domain { get; init; }

    /// <summary>The DNS servers.</summary>
    [Input("servers")]
    public InputList<string>? Servers { get; init; }
}
