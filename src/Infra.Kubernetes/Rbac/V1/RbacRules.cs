using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>Shared checks of the RBAC kinds.</summary>
internal static class RbacRules
{
    public const string ApiVersion = "rbac.authorization.k8s.io/v1";

    public const string ApiGroup = "rbac.authorization.k8s.io";

    /// <summary>Checks a known <c>roleRef</c>: the API group, a kind from <paramref name="kinds"/>, and a name.</summary>
    public static void CheckRoleRef(WireBuilder builder, Input<V1RoleRef> roleRef, params string[] kinds)
    {
        if (!KnownValues.TryGet(roleRef, out var value, out var secret) || value is null)
        {
            return;
        }

        if (value.ApiGroup != ApiGroup)
        {
            builder.Problem("RoleRef.ApiGroup", $"must be '{ApiGroup}'", value.ApiGroup, secret);
        }

        if (!kinds.Contains(value.Kind, StringComparer.Ordinal))
        {
            builder.Problem("RoleRef.Kind", "must be " + string.Join(" or ", kinds.Select(k => $"'{k}'")), value.Kind, secret);
        }

        if (string.IsNullOrEmpty(value.Name))
        {
            builder.Problem("RoleRef.Name", "must not be empty", value.Name, secret);
        }
        else if (KubernetesRules.CheckName(value.Name, NameRule.PathSegment) is { } rule)
        {
            builder.Problem("RoleRef.Name", rule, value.Name, secret);
        }
    }
}
