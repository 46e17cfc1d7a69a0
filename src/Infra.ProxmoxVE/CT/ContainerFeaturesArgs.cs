namespace Infra.ProxmoxVE.CT;

/// <summary>Features of a container.</summary>
public sealed partial class ContainerFeaturesArgs : ResourceArgs
{
    /// <summary>Whether nested containers are allowed.</summary>
    [Input("nesting")]
    public Input<bool>? Nesting { get; init; }

    /// <summary>Whether FUSE is allowed.</summary>
    [Input("fuse")]
    public Input<bool>? Fuse { get; init; }

    /// <summary>Whether keyctl is allowed.</summary>
    [Input("keyctl")]
    public Input<bool>? Keyctl { get; init; }

    /// <summary>Whether mknod is allowed.</summary>
    [Input("mknod")]
    public Input<bool>? Mknod { get; init; }

    /// <summary>Allowed file system types for mounts.</summary>
    [Input("mounts")]
    public InputList<string>? Mounts { get; init; }
}
