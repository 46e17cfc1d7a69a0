using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>A Service: a stable address for a set of pods. Its name must be an RFC 1035 label; changing <c>spec.clusterIP</c> replaces it.</summary>
/// <remarks>Type token <c>kubernetes:core/v1:Service</c>; sent with <c>apiVersion: v1</c> and <c>kind: Service</c>.</remarks>
public sealed class Service : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:core/v1:Service";

    private Output<V1ServiceSpec?>? _spec;
    private Output<V1ServiceStatus?>? _status;

    /// <summary>Registers a Service.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Service(string name, ServiceArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new ServiceArgs()), options)
    {
    }

    private Service(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1ServiceSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1ServiceSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1ServiceStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1ServiceStatus>(StatusJson);

    /// <summary>Reads an existing Service instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Service Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, ServiceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(ServiceArgs), "v1", "Service")
            .Metadata(args.Metadata, NameRule.Rfc1035Label)
            .Field("spec", args.Spec)
            .Build();
    }
}
