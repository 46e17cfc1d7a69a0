using k8s.Models;

namespace Infra.Kubernetes.Storage.V1;

/// <summary>Inputs of <see cref="StorageClass"/>. Values may come from other resources' outputs.</summary>
public sealed class StorageClassArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The volume plugin that provisions volumes of this class, e.g. <c>rancher.io/local-path</c>.</summary>
    public required Input<string> Provisioner { get; init; }

    /// <summary>Provisioner-specific parameters.</summary>
    public InputMap<string>? Parameters { get; init; }

    /// <summary><c>Delete</c> or <c>Retain</c>. The API server's default is <c>Delete</c>.</summary>
    public Input<string>? ReclaimPolicy { get; init; }

    /// <summary><c>Immediate</c> or <c>WaitForFirstConsumer</c>. The API server's default is <c>Immediate</c>.</summary>
    public Input<string>? VolumeBindingMode { get; init; }

    /// <summary>Whether claims may grow.</summary>
    public Input<bool>? AllowVolumeExpansion { get; init; }

    /// <summary>Mount options of provisioned volumes, e.g. <c>nfsvers=4.1</c>.</summary>
    public InputList<string>? MountOptions { get; init; }

    /// <summary>Where volumes may be provisioned.</summary>
    public InputList<V1TopologySelectorTerm>? AllowedTopologies { get; init; }
}
