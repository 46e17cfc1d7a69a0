using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Networking.V1;

/// <summary>An Ingress: HTTP routing from outside the cluster to Services.</summary>
/// <remarks>Type token <c>kubernetes:networking.k8s.io/v1:Ingress</c>; sent with <c>apiVersion: networking.k8s.io/v1</c> and <c>kind: Ingress</c>.</remarks>
public sealed class Ingress : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:networking.k8s.io/v1:Ingress";

    private Output<V1IngressSpec?>? _spec;
    private Output<V1IngressStatus?>? _status;

    /// <summary>Registers an Ingress.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Ingress(string name, IngressArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new IngressArgs()), options)
    {
    }

    private Ingress(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1IngressSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1IngressSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1IngressStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1IngressStatus>(StatusJson);

    /// <summary>Reads an existing Ingress instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Ingress Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, IngressArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(IngressArgs), "networking.k8s.io/v1", "Ingress")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
