using System.Collections.Immutable;
using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes.Core.V1;

/// <summary>
/// A Secret: sensitive data for pods. <c>data</c> and <c>stringData</c> are sent and kept as secrets.
/// Changing <c>type</c> always replaces it; changing the data replaces it unless the provider has
/// <c>enableSecretMutable</c> set and the Secret is not immutable.
/// </summary>
/// <remarks>Type token <c>kubernetes:core/v1:Secret</c>; sent with <c>apiVersion: v1</c> and <c>kind: Secret</c>.</remarks>
public sealed class Secret : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:core/v1:Secret";

    /// <summary>The outputs that are always secret, as in the provider's own SDKs.</summary>
    private static readonly string[] SecretOutputs = ["data", "stringData"];

    /// <summary>Registers a Secret.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options; <c>data</c> and <c>stringData</c> are added to its additional secret outputs.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem (secret values are never shown).</exception>
    public Secret(string name, SecretArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new SecretArgs()), OptionsWithDefaults.Of(options, SecretOutputs, []))
    {
    }

    private Secret(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, OptionsWithDefaults.Of(ReadOptions(options, id), SecretOutputs, []))
    {
    }

    /// <summary>The entries, base64-encoded (secret).</summary>
    [Output("data")]
    public Output<ImmutableDictionary<string, string>> Data { get; private set; } = null!;

    /// <summary>The plain-text entries as given (secret).</summary>
    [Output("stringData")]
    public Output<ImmutableDictionary<string, string>> StringData { get; private set; } = null!;

    /// <summary>The secret type, e.g. <c>Opaque</c> or <c>kubernetes.io/tls</c>.</summary>
    [Output("type")]
    public Output<string?> Type { get; private set; } = null!;

    /// <summary>Whether the data can no longer change.</summary>
    [Output("immutable")]
    public Output<bool?> Immutable { get; private set; } = null!;

    /// <summary>Reads an existing Secret instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Secret Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    private static KubernetesWireArgs ToWire(string name, SecretArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(SecretArgs), "v1", "Secret")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .DataMap("data", nameof(SecretArgs.Data), args.Data, secret: true, Base64Rule)
            .DataMap("stringData", nameof(SecretArgs.StringData), args.StringData, secret: true)
            .Field("type", args.Type)
            .Field("immutable", args.Immutable)
            .Build();
    }

    private static string? Base64Rule(string value) =>
        KubernetesRules.IsBase64(value) ? null : "values must be base64-encoded (use StringData for plain text)";
}
