using k8s.Models;

namespace Infra.Kubernetes.Policy.V1;

/// <summary>Inputs of <see cref="PodDisruptionBudget"/>. Values may come from other resources' outputs (compose them with <c>Output.Apply</c> or <c>Output.Tuple</c>).</summary>
public sealed class PodDisruptionBudgetArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The desired state of the PodDisruptionBudget.</summary>
    public Input<V1PodDisruptionBudgetSpec>? Spec { get; init; }
}
