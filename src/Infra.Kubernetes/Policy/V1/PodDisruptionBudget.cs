using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Policy.V1;

/// <summary>A PodDisruptionBudget: how many pods of a set may be down during voluntary disruptions.</summary>
/// <remarks>Type token <c>kubernetes:policy/v1:PodDisruptionBudget</c>; sent with <c>apiVersion: policy/v1</c> and <c>kind: PodDisruptionBudget</c>.</remarks>
public sealed class PodDisruptionBudget : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:policy/v1:PodDisruptionBudget";

    private Output<V1PodDisruptionBudgetSpec?>? _spec;
    private Output<V1PodDisruptionBudgetStatus?>? _status;

    /// <summary>Registers a PodDisruptionBudget.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public PodDisruptionBudget(string name, PodDisruptionBudgetArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new PodDisruptionBudgetArgs()), options)
    {
    }

    private PodDisruptionBudget(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1PodDisruptionBudgetSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1PodDisruptionBudgetSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1PodDisruptionBudgetStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1PodDisruptionBudgetStatus>(StatusJson);

    /// <summary>Reads an existing PodDisruptionBudget instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static PodDisruptionBudget Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, PodDisruptionBudgetArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(PodDisruptionBudgetArgs), "policy/v1", "PodDisruptionBudget")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
