namespace Infra.ProxmoxVE.CT;

/// <summary>The CPU of a container.</summary>
public sealed partial class ContainerCpuArgs : ResourceArgs
{
    /// <summary>Cores. <value>The default is 1.</value></summary>
    [Input("cores")]
    public Input<int>? Cores { get; init; }

    /// <summary>The architecture. <value>The default is <c>amd64</c>.</value></summary>
    [Input("architecture")]
    public Input<string>? Architecture { get; init; }

    /// <summary>The CPU weight.</summary>
    [Input("units")]
    public Input<int>? Units { get; init; }
}
