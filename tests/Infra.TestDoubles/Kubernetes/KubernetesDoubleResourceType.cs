namespace Infra.TestDoubles.Kubernetes;

/// <summary>A resource type the double serves (what discovery lists).</summary>
/// <param name="Group">The API group, empty for core.</param>
/// <param name="Version">The version, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Plural">The resource name in URLs.</param>
/// <param name="Namespaced">Whether objects live in namespaces.</param>
public sealed record KubernetesDoubleResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>The apiVersion of objects of this type.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kinds the double serves out of the box (provider-schemas.md §1.1 plus Pods, Endpoints and CRDs).</summary>
    public static IReadOnlyList<KubernetesDoubleResourceType> BuiltIn { get; } =
    [
        new(string.Empty, "v1", "Namespace", "namespaces", false),
        new(string.Empty, "v1", "ConfigMap", "configmaps", true),
        new(string.Empty, "v1", "Secret", "secrets", true),
        new(string.Empty, "v1", "Service", "services", true),
        new(string.Empty, "v1", "ServiceAccount", "serviceaccounts", true),
        new(string.Empty, "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
        new(string.Empty, "v1", "PersistentVolume", "persistentvolumes", false),
        new(string.Empty, "v1", "Pod", "pods", true),
        new(string.Empty, "v1", "Endpoints", "endpoints", true),
        new("apps", "v1", "Deployment", "deployments", true),
        new("apps", "v1", "DaemonSet", "daemonsets", true),
        new("apps", "v1", "StatefulSet", "statefulsets", true),
        new("batch", "v1", "Job", "jobs", true),
        new("batch", "v1", "CronJob", "cronjobs", true),
        new("networking.k8s.io", "v1", "Ingress", "ingresses", true),
        new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
        new("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
        new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
        new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
        new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
        new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
    ];
}
