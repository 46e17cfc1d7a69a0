using System.Collections.Immutable;
using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Storage.V1;

/// <summary>
/// A StorageClass: a kind of storage that PersistentVolumeClaims can ask for. Cluster-scoped. Changing
/// <c>provisioner</c> or <c>parameters</c> replaces it.
/// </summary>
/// <remarks>Type token <c>kubernetes:storage.k8s.io/v1:StorageClass</c>; sent with <c>apiVersion: storage.k8s.io/v1</c> and <c>kind: StorageClass</c>.</remarks>
public sealed class StorageClass : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:storage.k8s.io/v1:StorageClass";

    private static readonly string[] ReclaimPolicies = ["Delete", "Retain"];
    private static readonly string[] VolumeBindingModes = ["Immediate", "WaitForFirstConsumer"];

    private Output<ImmutableArray<V1TopologySelectorTerm>>? _allowedTopologies;

    /// <summary>Registers a StorageClass.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public StorageClass(string name, StorageClassArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args), options)
    {
    }

    private StorageClass(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The volume plugin that provisions volumes of this class.</summary>
    [Output("provisioner")]
    public Output<string> Provisioner { get; private set; } = null!;

    /// <summary>Provisioner-specific parameters.</summary>
    [Output("parameters")]
    public Output<ImmutableDictionary<string, string>> Parameters { get; private set; } = null!;

    /// <summary>What happens to a dynamically provisioned volume when its claim is released.</summary>
    [Output("reclaimPolicy")]
    public Output<string?> ReclaimPolicy { get; private set; } = null!;

    /// <summary>When volumes are bound and provisioned.</summary>
    [Output("volumeBindingMode")]
    public Output<string?> VolumeBindingMode { get; private set; } = null!;

    /// <summary>Whether claims may grow.</summary>
    [Output("allowVolumeExpansion")]
    public Output<bool?> AllowVolumeExpansion { get; private set; } = null!;

    /// <summary>Mount options of provisioned volumes.</summary>
    [Output("mountOptions")]
    public Output<ImmutableArray<string>> MountOptions { get; private set; } = null!;

    /// <summary>Where volumes may be provisioned.</summary>
    public Output<ImmutableArray<V1TopologySelectorTerm>> AllowedTopologies =>
        _allowedTopologies ??= KubernetesJsonValues.FromJsonArray<V1TopologySelectorTerm>(AllowedTopologiesJson);

    [Output("allowedTopologies")]
    internal Output<JsonElement?> AllowedTopologiesJson { get; private set; } = null!;

    /// <summary>Reads an existing StorageClass instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static StorageClass Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, StorageClassArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new WireBuilder(TypeToken, name, nameof(StorageClassArgs), "storage.k8s.io/v1", "StorageClass")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("provisioner", args.Provisioner)
            .Field("parameters", args.Parameters)
            .Field("reclaimPolicy", args.ReclaimPolicy)
            .Field("volumeBindingMode", args.VolumeBindingMode)
            .Field("allowVolumeExpansion", args.AllowVolumeExpansion)
            .Field("mountOptions", args.MountOptions)
            .Field("allowedTopologies", args.AllowedTopologies);
        if (KnownValues.TryGet(args.Provisioner, out var provisioner, out var secret) && string.IsNullOrEmpty(provisioner))
        {
            builder.Problem(nameof(StorageClassArgs.Provisioner), "must not be empty", provisioner, secret);
        }

        CheckChoice(builder, nameof(StorageClassArgs.ReclaimPolicy), args.ReclaimPolicy, ReclaimPolicies);
        CheckChoice(builder, nameof(StorageClassArgs.VolumeBindingMode), args.VolumeBindingMode, VolumeBindingModes);
        return builder.Build();
    }

    private static void CheckChoice(WireBuilder builder, string property, Input<string>? input, string[] choices)
    {
        if (KnownValues.TryGet(input, out var value, out var secret) && !choices.Contains(value, StringComparer.Ordinal))
        {
            builder.Problem(property, "must be " + string.Join(" or ", choices.Select(c => $"'{c}'")), value, secret);
        }
    }
}
