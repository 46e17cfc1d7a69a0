namespace Infra.ProxmoxVE;

/// <summary>The SSH address of one node.</summary>
public sealed partial class ProviderSshNodeArgs : ResourceArgs
{
    /// <summary>The node name.</summary>
    [Input("name")]
    public required Input<string> Name { get; init; }

    /// <summary>The address.</summary>
    [Input("address")]
    public required Input<string> Address { get; init; }

    /// <summary>The SSH port. <value>The default is 22.</value></summary>
    [Input("port")]
    public Input<int>? Port { get; init; }
}
