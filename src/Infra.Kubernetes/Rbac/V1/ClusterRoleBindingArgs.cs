using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>Inputs of <see cref="ClusterRoleBinding"/>. Values may come from other resources' outputs.</summary>
public sealed class ClusterRoleBindingArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The granted role: <c>apiGroup</c> <c>rbac.authorization.k8s.io</c>, kind <c>ClusterRole</c>, and its name.</summary>
    public required Input<V1RoleRef> RoleRef { get; init; }

    /// <summary>Who is granted the role (users, groups, service accounts).</summary>
    public InputList<Rbacv1Subject>? Subjects { get; init; }
}
