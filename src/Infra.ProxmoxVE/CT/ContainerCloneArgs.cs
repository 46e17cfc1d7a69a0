namespace Infra.ProxmoxVE.CT;

/// <summary>The container a container is cloned from (forces replacement).</summary>
public sealed partial class ContainerCloneArgs : ResourceArgs
{
    /// <summary>The id of the source container.</summary>
    [Input("vmId")]
    public required Input<int> VmId { get; init; }

    /// <summary>The node of the source.</summary>
    [Input("nodeName")]
    public Input<string>? NodeName { get; init; }

    /// <summary>The target datastore.</summary>
    [Input("datastoreId")]
    public Input<string>? DatastoreId { get; init; }
}
