using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>Inputs of <see cref="Namespace"/>. Values may come from other resources' outputs (compose them with <c>Output.Apply</c> or <c>Output.Tuple</c>).</summary>
public sealed class NamespaceArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The desired state of the Namespace.</summary>
    public Input<V1NamespaceSpec>? Spec { get; init; }
}
