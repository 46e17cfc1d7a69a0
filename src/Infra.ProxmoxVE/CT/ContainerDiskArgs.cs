namespace Infra.ProxmoxVE.CT;

/// <summary>The root disk of a container.</summary>
public sealed partial class ContainerDiskArgs : ResourceArgs
{
    /// <summary>The datastore; forces replacement. <value>The default is <c>local</c>.</value></summary>
    [Input("datastoreId")]
    public Input<string>? DatastoreId { get; init; }

    /// <summary>Size in GB (can grow, never shrink). <value>The default is 4.</value></summary>
    [Input("size")]
    public Input<int>? Size { get; init; }
}
