namespace Infra.ProxmoxVE.VM;

/// <summary>The memory of a VM.</summary>
public sealed partial class VirtualMachineMemoryArgs : ResourceArgs
{
    /// <summary>Memory in MB. <value>The default is 512.</value></summary>
    [Input("dedicated")]
    public Input<int>? Dedicated { get; init; }

    /// <summary>Ballooning minimum in MB (0 turns ballooning off). <value>The default is 0.</value></summary>
    [Input("floating")]
    public Input<int>? Floating { get; init; }

    /// <summary>Shared memory in MB.</summary>
    [Input("shared")]
    public Input<int>? Shared { get; init; }

    /// <summary>Hugepage size (<c>2</c>, <c>1024</c> or <c>any</c>; needs root@pam).</summary>
    [Input("hugepages")]
    public Input<string>? Hugepages { get; init; }

    /// <summary>Whether hugepages stay allocated after the VM stops.</summary>
    [Input("keepHugepages")]
    public Input<bool>? KeepHugepages { get; init; }
}
