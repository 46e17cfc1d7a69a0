namespace Infra.ProxmoxVE.VM;

/// <summary>Cloud-init DNS settings.</summary>
public sealed partial class VirtualMachineInitializationDnsArgs : ResourceArgs
{
    /// <summary>The search domain.</summary>
    [Input("domain")]
    public Input<string>? Domain { get; init; }

    /// <summary>The DNS servers.</summary>
    [Input("servers")]
    public InputList<string>? Servers { get; init; }
}
