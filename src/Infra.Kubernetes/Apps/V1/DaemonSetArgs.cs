using k8s.Models;

namespace Infra.Kubernetes.Apps.V1;

/// <summary>Inputs of <see cref="DaemonSet"/>. Values may come from other resources' outputs (compose them with <c>Output.Apply</c> or <c>Output.Tuple</c>).</summary>
public sealed class DaemonSetArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The desired state of the DaemonSet.</summary>
    public Input<V1DaemonSetSpec>? Spec { get; init; }
}
