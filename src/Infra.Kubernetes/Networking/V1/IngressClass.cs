using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Networking.V1;

/// <summary>An IngressClass: names the controller that implements Ingresses of this class. Cluster-scoped.</summary>
/// <remarks>Type token <c>kubernetes:networking.k8s.io/v1:IngressClass</c>; sent with <c>apiVersion: networking.k8s.io/v1</c> and <c>kind: IngressClass</c>.</remarks>
public sealed class IngressClass : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:networking.k8s.io/v1:IngressClass";

    private Output<V1IngressClassSpec?>? _spec;

    /// <summary>Registers an IngressClass.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public IngressClass(string name, IngressClassArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new IngressClassArgs()), options)
    {
    }

    private IngressClass(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1IngressClassSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1IngressClassSpec>(SpecJson);

    /// <summary>Reads an existing IngressClass instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static IngressClass Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, IngressClassArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(IngressClassArgs), "networking.k8s.io/v1", "IngressClass")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
