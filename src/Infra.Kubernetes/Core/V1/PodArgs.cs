using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>Inputs of <see cref="Pod"/>. Values may come from other resources' outputs (compose them with <c>Output.Apply</c> or <c>Output.Tuple</c>).</summary>
public sealed class PodArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The desired state of the Pod.</summary>
    public Input<V1PodSpec>? Spec { get; init; }
}
