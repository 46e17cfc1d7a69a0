using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>Inputs of <see cref="ClusterRole"/>. Values may come from other resources' outputs.</summary>
public sealed class ClusterRoleArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The policy rules. With an <see cref="AggregationRule"/> the controller manages them.</summary>
    public InputList<V1PolicyRule>? Rules { get; init; }

    /// <summary>Selects ClusterRoles whose rules are aggregated into this one.</summary>
    public Input<V1AggregationRule>? AggregationRule { get; init; }
}
