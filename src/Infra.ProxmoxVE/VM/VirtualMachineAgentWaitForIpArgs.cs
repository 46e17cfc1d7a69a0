namespace Infra.ProxmoxVE.VM;

/// <summary>Which guest addresses the agent waits for.</summary>
public sealed partial class VirtualMachineAgentWaitForIpArgs : ResourceArgs
{
    /// <summary>Wait for a non-link-local IPv4 address.</summary>
    [Input("ipv4")]
    public Input<bool>? Ipv4 { get; init; }

    /// <summary>Wait for a non-link-local IPv6 address.</summary>
    [Input("ipv6")]
    public Input<bool>? Ipv6 { get; init; }
}
