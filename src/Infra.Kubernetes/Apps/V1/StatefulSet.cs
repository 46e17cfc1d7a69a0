using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Apps.V1;

/// <summary>A StatefulSet: pods with stable identities and storage. Changing podManagementPolicy, revisionHistoryLimit, selector, serviceName or volumeClaimTemplates replaces it.</summary>
/// <remarks>Type token <c>kubernetes:apps/v1:StatefulSet</c>; sent with <c>apiVersion: apps/v1</c> and <c>kind: StatefulSet</c>.</remarks>
public sealed class StatefulSet : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:apps/v1:StatefulSet";

    private Output<V1StatefulSetSpec?>? _spec;
    private Output<V1StatefulSetStatus?>? _status;

    /// <summary>Registers a StatefulSet.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public StatefulSet(string name, StatefulSetArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new StatefulSetArgs()), options)
    {
    }

    private StatefulSet(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1StatefulSetSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1StatefulSetSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1StatefulSetStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1StatefulSetStatus>(StatusJson);

    /// <summary>Reads an existing StatefulSet instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static StatefulSet Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, StatefulSetArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(StatefulSetArgs), "apps/v1", "StatefulSet")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
