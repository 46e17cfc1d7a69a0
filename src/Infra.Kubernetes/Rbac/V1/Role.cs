using System.Collections.Immutable;
using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>A Role: permissions (policy rules) within one namespace.</summary>
/// <remarks>Type token <c>kubernetes:rbac.authorization.k8s.io/v1:Role</c>; sent with <c>apiVersion: rbac.authorization.k8s.io/v1</c> and <c>kind: Role</c>.</remarks>
public sealed class Role : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:rbac.authorization.k8s.io/v1:Role";

    private Output<ImmutableArray<V1PolicyRule>>? _rules;

    /// <summary>Registers a Role.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Role(string name, RoleArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new RoleArgs()), options)
    {
    }

    private Role(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The policy rules.</summary>
    public Output<ImmutableArray<V1PolicyRule>> Rules => _rules ??= KubernetesJsonValues.FromJsonArray<V1PolicyRule>(RulesJson);

    [Output("rules")]
    internal Output<JsonElement?> RulesJson { get; private set; } = null!;

    /// <summary>Reads an existing Role instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Role Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, RoleArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(RoleArgs), RbacRules.ApiVersion, "Role")
            .Metadata(args.Metadata, NameRule.PathSegment)
            .Field("rules", args.Rules)
            .Build();
    }
}
