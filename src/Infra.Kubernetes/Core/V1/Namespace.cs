using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>A Namespace: a scope for names and policies. Cluster-scoped; its name must be a DNS-1123 label.</summary>
/// <remarks>Type token <c>kubernetes:core/v1:Namespace</c>; sent with <c>apiVersion: v1</c> and <c>kind: Namespace</c>.</remarks>
public sealed class Namespace : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:core/v1:Namespace";

    private Output<V1NamespaceSpec?>? _spec;
    private Output<V1NamespaceStatus?>? _status;

    /// <summary>Registers a Namespace.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Namespace(string name, NamespaceArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new NamespaceArgs()), options)
    {
    }

    private Namespace(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1NamespaceSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1NamespaceSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1NamespaceStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1NamespaceStatus>(StatusJson);

    /// <summary>Reads an existing Namespace instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Namespace Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, NamespaceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(NamespaceArgs), "v1", "Namespace")
            .Metadata(args.Metadata, NameRule.Dns1123Label)
            .Field("spec", args.Spec)
            .Build();
    }
}
