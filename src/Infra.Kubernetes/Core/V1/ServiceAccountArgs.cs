using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>Inputs of <see cref="ServiceAccount"/>. Values may come from other resources' outputs.</summary>
public sealed class ServiceAccountArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>Whether pods using this account get its API token mounted. The API server's default is true.</summary>
    public Input<bool>? AutomountServiceAccountToken { get; init; }

    /// <summary>Secrets used to pull images for pods that use this account.</summary>
    public InputList<V1LocalObjectReference>? ImagePullSecrets { get; init; }

    /// <summary>Secrets pods using this account may use (legacy; prefer projected tokens).</summary>
    public InputList<V1ObjectReference>? Secrets { get; init; }
}
