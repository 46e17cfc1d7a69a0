using System.Collections.Immutable;
using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes.Core.V1;

/// <summary>
/// A ConfigMap: non-secret configuration for pods. Changing <c>data</c> or <c>binaryData</c> replaces it
/// (with a new autoname, which rolls the workloads that reference it) unless the provider has
/// <c>enableConfigMapMutable</c> set and the ConfigMap is not immutable.
/// </summary>
/// <remarks>Type token <c>kubernetes:core/v1:ConfigMap</c>; sent with <c>apiVersion: v1</c> and <c>kind: ConfigMap</c>.</remarks>
public sealed class ConfigMap : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:core/v1:ConfigMap";

    /// <summary>Registers a ConfigMap.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public ConfigMap(string name, ConfigMapArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new ConfigMapArgs()), options)
    {
    }

    private ConfigMap(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The text entries.</summary>
    [Output("data")]
    public Output<ImmutableDictionary<string, string>> Data { get; private set; } = null!;

    /// <summary>The binary entries, base64-encoded.</summary>
    [Output("binaryData")]
    public Output<ImmutableDictionary<string, string>> BinaryData { get; private set; } = null!;

    /// <summary>Whether the data can no longer change.</summary>
    [Output("immutable")]
    public Output<bool?> Immutable { get; private set; } = null!;

    /// <summary>Reads an existing ConfigMap instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static ConfigMap Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, ConfigMapArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new WireBuilder(TypeToken, name, nameof(ConfigMapArgs), "v1", "ConfigMap")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .DataMap("data", nameof(ConfigMapArgs.Data), args.Data, secret: false)
            .DataMap("binaryData", nameof(ConfigMapArgs.BinaryData), args.BinaryData, secret: false, Base64Rule)
            .Field("immutable", args.Immutable);
        var textKeys = WireBuilder.KnownKeys(args.Data).ToHashSet(StringComparer.Ordinal);
        foreach (var key in WireBuilder.KnownKeys(args.BinaryData).Where(textKeys.Contains))
        {
            builder.Problem($"BinaryData[\"{key}\"]", "a key must not be in both Data and BinaryData", key);
        }

        return builder.Build();
    }

    private static string? Base64Rule(string value) =>
        KubernetesRules.IsBase64(value) ? null : "values must be base64-encoded";
}
