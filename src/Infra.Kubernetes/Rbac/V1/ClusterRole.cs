using System.Collections.Immutable;
using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Rbac.V1;

/// <summary>A ClusterRole: permissions (policy rules) across the cluster, or aggregated from other ClusterRoles. Cluster-scoped.</summary>
/// <remarks>Type token <c>kubernetes:rbac.authorization.k8s.io/v1:ClusterRole</c>; sent with <c>apiVersion: rbac.authorization.k8s.io/v1</c> and <c>kind: ClusterRole</c>.</remarks>
public sealed class ClusterRole : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

    private Output<ImmutableArray<V1PolicyRule>>? _rules;
    private Output<V1AggregationRule?>? _aggregationRule;

    /// <summary>Registers a ClusterRole.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public ClusterRole(string name, ClusterRoleArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new ClusterRoleArgs()), options)
    {
    }

    private ClusterRole(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The policy rules (filled by the controller when an aggregation rule is set).</summary>
    public Output<ImmutableArray<V1PolicyRule>> Rules => _rules ??= KubernetesJsonValues.FromJsonArray<V1PolicyRule>(RulesJson);

    /// <summary>Which ClusterRoles are aggregated into this one; null when none.</summary>
    public Output<V1AggregationRule?> AggregationRule => _aggregationRule ??= KubernetesJsonValues.FromJson<V1AggregationRule>(AggregationRuleJson);

    [Output("rules")]
    internal Output<JsonElement?> RulesJson { get; private set; } = null!;

    [Output("aggregationRule")]
    internal Output<JsonElement?> AggregationRuleJson { get; private set; } = null!;

    /// <summary>Reads an existing ClusterRole instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static ClusterRole Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, ClusterRoleArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(ClusterRoleArgs), RbacRules.ApiVersion, "ClusterRole")
            .Metadata(args.Metadata, NameRule.PathSegment)
            .Field("rules", args.Rules)
            .Field("aggregationRule", args.AggregationRule)
            .Build();
    }
}
