using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>A Pod: one or more containers scheduled together. Most pod spec changes replace it; prefer a workload kind.</summary>
/// <remarks>Type token <c>kubernetes:core/v1:Pod</c>; sent with <c>apiVersion: v1</c> and <c>kind: Pod</c>.</remarks>
public sealed class Pod : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:core/v1:Pod";

    private Output<V1PodSpec?>? _spec;
    private Output<V1PodStatus?>? _status;

    /// <summary>Registers a Pod.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Pod(string name, PodArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new PodArgs()), options)
    {
    }

    private Pod(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1PodSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1PodSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1PodStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1PodStatus>(StatusJson);

    /// <summary>Reads an existing Pod instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Pod Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, PodArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(PodArgs), "v1", "Pod")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
