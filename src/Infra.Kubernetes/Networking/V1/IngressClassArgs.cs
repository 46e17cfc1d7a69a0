using k8s.Models;

namespace Infra.Kubernetes.Networking.V1;

/// <summary>Inputs of <see cref="IngressClass"/>. Values may come from other resources' outputs (compose them with <c>Output.Apply</c> or <c>Output.Tuple</c>).</summary>
public sealed class IngressClassArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The desired state of the IngressClass.</summary>
    public Input<V1IngressClassSpec>? Spec { get; init; }
}
