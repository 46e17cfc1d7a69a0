using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Apps.V1;

/// <summary>A DaemonSet: one pod per (selected) node. Changing <c>spec.selector</c> replaces it.</summary>
/// <remarks>Type token <c>kubernetes:apps/v1:DaemonSet</c>; sent with <c>apiVersion: apps/v1</c> and <c>kind: DaemonSet</c>.</remarks>
public sealed class DaemonSet : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:apps/v1:DaemonSet";

    private Output<V1DaemonSetSpec?>? _spec;
    private Output<V1DaemonSetStatus?>? _status;

    /// <summary>Registers a DaemonSet.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public DaemonSet(string name, DaemonSetArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new DaemonSetArgs()), options)
    {
    }

    private DaemonSet(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1DaemonSetSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1DaemonSetSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1DaemonSetStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1DaemonSetStatus>(StatusJson);

    /// <summary>Reads an existing DaemonSet instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static DaemonSet Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, DaemonSetArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(DaemonSetArgs), "apps/v1", "DaemonSet")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
