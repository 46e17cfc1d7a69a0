using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Networking.V1;

/// <summary>A NetworkPolicy: which traffic may reach or leave the selected pods.</summary>
/// <remarks>Type token <c>kubernetes:networking.k8s.io/v1:NetworkPolicy</c>; sent with <c>apiVersion: networking.k8s.io/v1</c> and <c>kind: NetworkPolicy</c>.</remarks>
public sealed class NetworkPolicy : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    private Output<V1NetworkPolicySpec?>? _spec;

    /// <summary>Registers a NetworkPolicy.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public NetworkPolicy(string name, NetworkPolicyArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new NetworkPolicyArgs()), options)
    {
    }

    private NetworkPolicy(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1NetworkPolicySpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1NetworkPolicySpec>(SpecJson);

    /// <summary>Reads an existing NetworkPolicy instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static NetworkPolicy Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, NetworkPolicyArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(NetworkPolicyArgs), "networking.k8s.io/v1", "NetworkPolicy")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
