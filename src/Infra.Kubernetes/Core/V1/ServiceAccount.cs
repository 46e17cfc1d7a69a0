using System.Collections.Immutable;
using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>A ServiceAccount: an identity for processes that run in pods.</summary>
/// <remarks>Type token <c>kubernetes:core/v1:ServiceAccount</c>; sent with <c>apiVersion: v1</c> and <c>kind: ServiceAccount</c>.</remarks>
public sealed class ServiceAccount : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:core/v1:ServiceAccount";

    private Output<ImmutableArray<V1LocalObjectReference>>? _imagePullSecrets;
    private Output<ImmutableArray<V1ObjectReference>>? _secrets;

    /// <summary>Registers a ServiceAccount.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public ServiceAccount(string name, ServiceAccountArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new ServiceAccountArgs()), options)
    {
    }

    private ServiceAccount(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>Whether pods using this account get its API token mounted.</summary>
    [Output("automountServiceAccountToken")]
    public Output<bool?> AutomountServiceAccountToken { get; private set; } = null!;

    /// <summary>Secrets used to pull images for pods that use this account.</summary>
    public Output<ImmutableArray<V1LocalObjectReference>> ImagePullSecrets =>
        _imagePullSecrets ??= KubernetesJsonValues.FromJsonArray<V1LocalObjectReference>(ImagePullSecretsJson);

    /// <summary>Secrets pods using this account may use (legacy).</summary>
    public Output<ImmutableArray<V1ObjectReference>> Secrets =>
        _secrets ??= KubernetesJsonValues.FromJsonArray<V1ObjectReference>(SecretsJson);

    [Output("imagePullSecrets")]
    internal Output<JsonElement?> ImagePullSecretsJson { get; private set; } = null!;

    [Output("secrets")]
    internal Output<JsonElement?> SecretsJson { get; private set; } = null!;

    /// <summary>Reads an existing ServiceAccount instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static ServiceAccount Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, ServiceAccountArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(ServiceAccountArgs), "v1", "ServiceAccount")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("automountServiceAccountToken", args.AutomountServiceAccountToken)
            .Field("imagePullSecrets", args.ImagePullSecrets)
            .Field("secrets", args.Secrets)
            .Build();
    }
}
