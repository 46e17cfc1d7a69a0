namespace Infra.ProxmoxVE.VM;

/// <summary>The guest operating system of a VM.</summary>
public sealed partial class VirtualMachineOperatingSystemArgs : ResourceArgs
{
    /// <summary>The type, e.g. <c>l26</c> (Linux 2.6+). <value>The default is <c>other</c>.</value></summary>
    [Input("type")]
    public Input<string>? Type { get; init; }
}
