namespace Infra.ProxmoxVE.VM;

/// <summary>The QEMU guest agent of a VM.</summary>
public sealed partial class VirtualMachineAgentArgs : ResourceArgs
{
    /// <summary>Whether the agent is used; enable it only if the guest runs it, or create, refresh and destroy wait for <see cref="Timeout"/>. <value>The default is false.</value></summary>
    [Input("enabled")]
    public Input<bool>? Enabled { get; init; }

    /// <summary>How long to wait for the agent (a duration such as <c>15m</c> or <c>90s</c>). <value>The default is <c>15m</c>.</value></summary>
    [Input("timeout")]
    public Input<string>? Timeout { get; init; }

    /// <summary>Whether to trim the disks after moves.</summary>
    [Input("trim")]
    public Input<bool>? Trim { get; init; }

    /// <summary>The agent channel (<c>virtio</c> or <c>isa</c>). <value>The default is <c>virtio</c>.</value></summary>
    [Input("type")]
    public Input<string>? Type { get; init; }

    /// <summary>Which addresses to wait for.</summary>
    [Input("waitForIp")]
    public VirtualMachineAgentWaitForIpArgs? WaitForIp { get; init; }
}
