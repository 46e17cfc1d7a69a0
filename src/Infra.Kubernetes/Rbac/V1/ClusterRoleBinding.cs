using System.Collections.Immutable;
using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>A ClusterRoleBinding: grants a ClusterRole to subjects across the cluster (cluster-scoped). Changing <c>roleRef</c> replaces it.</summary>
/// <remarks>Type token <c>kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding</c>; sent with <c>apiVersion: rbac.authorization.k8s.io/v1</c> and <c>kind: ClusterRoleBinding</c>.</remarks>
public sealed class ClusterRoleBinding : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";

    private Output<V1RoleRef?>? _roleRef;
    private Output<ImmutableArray<Rbacv1Subject>>? _subjects;

    /// <summary>Registers a ClusterRoleBinding.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public ClusterRoleBinding(string name, ClusterRoleBindingArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args), options)
    {
    }

    private ClusterRoleBinding(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The granted role.</summary>
    public Output<V1RoleRef?> RoleRef => _roleRef ??= KubernetesJsonValues.FromJson<V1RoleRef>(RoleRefJson);

    /// <summary>Who is granted the role.</summary>
    public Output<ImmutableArray<Rbacv1Subject>> Subjects => _subjects ??= KubernetesJsonValues.FromJsonArray<Rbacv1Subject>(SubjectsJson);

    [Output("roleRef")]
    internal Output<JsonElement?> RoleRefJson { get; private set; } = null!;

    [Output("subjects")]
    internal Output<JsonElement?> SubjectsJson { get; private set; } = null!;

    /// <summary>Reads an existing ClusterRoleBinding instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static ClusterRoleBinding Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, ClusterRoleBindingArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new WireBuilder(TypeToken, name, nameof(ClusterRoleBindingArgs), RbacRules.ApiVersion, "ClusterRoleBinding")
            .Metadata(args.Metadata, NameRule.PathSegment)
            .Field("roleRef", args.RoleRef)
            .Field("subjects", args.Subjects);
        RbacRules.CheckRoleRef(builder, args.RoleRef, "ClusterRole");
        return builder.Build();
    }
}
