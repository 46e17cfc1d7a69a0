namespace Infra.ProxmoxVE.VM;

/// <summary>The CPU of a VM.</summary>
public sealed partial class VirtualMachineCpuArgs : ResourceArgs
{
    /// <summary>Cores per socket. <value>The default is 1.</value></summary>
    [Input("cores")]
    public Input<int>? Cores { get; init; }

    /// <summary>Sockets. <value>The default is 1.</value></summary>
    [Input("sockets")]
    public Input<int>? Sockets { get; init; }

    /// <summary>The emulated CPU type; <c>x86-64-v2-AES</c> is recommended. <value>The default is <c>qemu64</c>.</value></summary>
    [Input("type")]
    public Input<string>? Type { get; init; }

    /// <summary>The architecture (<c>x86_64</c> or <c>aarch64</c>; needs root@pam).</summary>
    [Input("architecture")]
    public Input<string>? Architecture { get; init; }

    /// <summary>CPU flags such as <c>+aes</c>.</summary>
    [Input("flags")]
    public InputList<string>? Flags { get; init; }

    /// <summary>The number of hot-plugged vCPUs.</summary>
    [Input("hotplugged")]
    public Input<int>? Hotplugged { get; init; }

    /// <summary>The CPU limit (0 = unlimited).</summary>
    [Input("limit")]
    public Input<double>? Limit { get; init; }

    /// <summary>Whether NUMA is enabled.</summary>
    [Input("numa")]
    public Input<bool>? Numa { get; init; }

    /// <summary>The CPU weight.</summary>
    [Input("units")]
    public Input<int>? Units { get; init; }

    /// <summary>Host cores the VM may use, e.g. <c>0-3</c>.</summary>
    [Input("affinity")]
    public Input<string>? Affinity { get; init; }
}
