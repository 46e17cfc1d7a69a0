using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Apps.V1;

/// <summary>A Deployment: declarative updates of replicated pods. Changing <c>spec.selector</c> replaces it.</summary>
/// <remarks>Type token <c>kubernetes:apps/v1:Deployment</c>; sent with <c>apiVersion: apps/v1</c> and <c>kind: Deployment</c>.</remarks>
public sealed class Deployment : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:apps/v1:Deployment";

    /// <summary>The types this kind had in older API groups; objects registered under them are the same resource.</summary>
    private static readonly Alias[] TypeAliases =
    [
        new Alias { Type = "kubernetes:apps/v1beta1:Deployment" },
        new Alias { Type = "kubernetes:apps/v1beta2:Deployment" },
        new Alias { Type = "kubernetes:extensions/v1beta1:Deployment" },
    ];

    private Output<V1DeploymentSpec?>? _spec;
    private Output<V1DeploymentStatus?>? _status;

    /// <summary>Registers a Deployment.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Deployment(string name, DeploymentArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new DeploymentArgs()), OptionsWithDefaults.Of(options, [], TypeAliases))
    {
    }

    private Deployment(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, OptionsWithDefaults.Of(ReadOptions(options, id), [], TypeAliases))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1DeploymentSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1DeploymentSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1DeploymentStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1DeploymentStatus>(StatusJson);

    /// <summary>Reads an existing Deployment instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Deployment Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, DeploymentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(DeploymentArgs), "apps/v1", "Deployment")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
