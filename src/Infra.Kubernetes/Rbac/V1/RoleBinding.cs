using System.Collections.Immutable;
using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>A RoleBinding: grants a Role or ClusterRole to subjects within one namespace. Changing <c>roleRef</c> replaces it.</summary>
/// <remarks>Type token <c>kubernetes:rbac.authorization.k8s.io/v1:RoleBinding</c>; sent with <c>apiVersion: rbac.authorization.k8s.io/v1</c> and <c>kind: RoleBinding</c>.</remarks>
public sealed class RoleBinding : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";

    private Output<V1RoleRef?>? _roleRef;
    private Output<ImmutableArray<Rbacv1Subject>>? _subjects;

    /// <summary>Registers a RoleBinding.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public RoleBinding(string name, RoleBindingArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args), options)
    {
    }

    private RoleBinding(string name, Input<string> id, CustomResourceOptions? options)
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

    /// <summary>Reads an existing RoleBinding instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static RoleBinding Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, RoleBindingArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new WireBuilder(TypeToken, name, nameof(RoleBindingArgs), RbacRules.ApiVersion, "RoleBinding")
            .Metadata(args.Metadata, NameRule.PathSegment)
            .Field("roleRef", args.RoleRef)
            .Field("subjects", args.Subjects);
        RbacRules.CheckRoleRef(builder, args.RoleRef, "Role", "ClusterRole");
        return builder.Build();
    }
}
