namespace Infra.ProxmoxVE.CT;

/// <summary>The memory of a container.</summary>
public sealed partial class ContainerMemoryArgs : ResourceArgs
{
    /// <summary>Memory in MB. <value>The default is 512.</value></summary>
    [Input("dedicated")]
    public Input<int>? Dedicated { get; init; }

    /// <summary>Swap in MB. <value>The default is 0.</value></summary>
    [Input("swap")]
    public Input<int>? Swap { get; init; }
}
