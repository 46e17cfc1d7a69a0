using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>Inputs of <see cref="Role"/>. Values may come from other resources' outputs.</summary>
public sealed class RoleArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The policy rules.</summary>
    public InputList<V1PolicyRule>? Rules { get; init; }
}
