using System.Collections.Frozen;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// What the provider knows about kinds without asking a cluster: which are cluster-scoped (for render mode and
/// preview; applies use discovery), which inputs force a replacement (provider-schemas.md §1.1), and naming rules.
/// </summary>
internal static class KubernetesKinds
{
    /// <summary>Built-in cluster-scoped kinds, keyed <c>group/Kind</c> (core group empty).</summary>
    private static readonly FrozenSet<string> ClusterScoped = new[]
    {
        "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode", "storage.k8s.io/VolumeAttachment",
        "networking.k8s.io/IngressClass", "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
        "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration", "admissionregistration.k8s.io/MutatingWebhookConfiguration",
        "certificates.k8s.io/CertificateSigningRequest", "flowcontrol.apiserver.k8s.io/FlowSchema",
        "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Input paths (dot-separated, below the top level) whose change forces a replacement, per <c>group/Kind</c>.</summary>
    private static readonly FrozenDictionary<string, string[]> ReplacePaths = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["/Service"] = ["spec.clusterIP"],
        ["/Secret"] = ["type"],
        ["/Pod"] = ["spec"],
        ["apps/Deployment"] = ["spec.selector"],
        ["apps/DaemonSet"] = ["spec.selector"],
        ["apps/StatefulSet"] = ["spec.podManagementPolicy", "spec.revisionHistoryLimit", "spec.selector", "spec.serviceName", "spec.volumeClaimTemplates"],
        ["extensions/Deployment"] = ["spec.selector"],
        ["batch/Job"] = ["spec.completions", "spec.parallelism", "spec.selector", "spec.template"],
        ["rbac.authorization.k8s.io/RoleBinding"] = ["roleRef"],
        ["rbac.authorization.k8s.io/ClusterRoleBinding"] = ["roleRef"],
        ["storage.k8s.io/StorageClass"] = ["parameters", "provisioner"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Kinds whose names are DNS-1123 labels (not subdomains).</summary>
    private static readonly FrozenSet<string> LabelNamed = new[] { "/Namespace", "/Service" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a kind of <paramref name="group"/> is cluster-scoped, as far as known without discovery.</summary>
    public static bool IsClusterScoped(string group, string kind) => ClusterScoped.Contains(group + "/" + kind);

    /// <summary>The kind-specific replacement paths (besides metadata.name/namespace and ConfigMap/Secret data).</summary>
    public static IReadOnlyList<string> ReplacementPaths(string group, string kind) =>
        ReplacePaths.TryGetValue(group + "/" + kind, out var paths) ? paths : [];

    /// <summary>Which name rule applies to <c>metadata.name</c> of a kind.</summary>
    public static KubernetesNameRule NameRule(string group, string kind) =>
        group == "rbac.authorization.k8s.io" ? KubernetesNameRule.PathSegment
        : (group, kind) is ("", "Service") ? KubernetesNameRule.Rfc1035Label
        : LabelNamed.Contains(group + "/" + kind) ? KubernetesNameRule.Label
        : KubernetesNameRule.Subdomain;

    /// <summary>Whether objects of the kind have a <c>status</c> the server fills.</summary>
    public static bool HasStatus(string group, string kind) => (group, kind) switch
    {
        ("", "ConfigMap" or "Secret" or "ServiceAccount" or "Endpoints") => false,
        ("rbac.authorization.k8s.io", _) => false,
        ("storage.k8s.io", "StorageClass") => false,
        ("networking.k8s.io", "IngressClass") => false,
        _ => true,
    };

    /// <summary>Whether the kind is a CustomResourceDefinition (rendered into <c>0-crd</c>).</summary>
    public static bool IsCustomResourceDefinition(string group, string kind) =>
        group == "apiextensions.k8s.io" && kind == "CustomResourceDefinition";
}
