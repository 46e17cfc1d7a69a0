using k8s.Models;

namespace Infra.Kubernetes;

/// <summary>
/// Inputs of <see cref="GenericResource"/>: any Kubernetes object, typically a custom resource of an
/// installed CRD. <see cref="ApiVersion"/> and <see cref="Kind"/> are plain values because they decide the
/// type token; everything else may come from other resources' outputs.
/// </summary>
public sealed class GenericResourceArgs : ResourceArgs
{
    private IDictionary<string, Input<object>>? _otherFields;

    /// <summary>The object's <c>apiVersion</c>: <c>&lt;group&gt;/&lt;version&gt;</c>, or just the version for the core group (e.g. <c>cert-manager.io/v1</c>, <c>v1</c>).</summary>
    public required string ApiVersion { get; init; }

    /// <summary>The object's <c>kind</c>, e.g. <c>ClusterIssuer</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>
    /// The object's <c>spec</c>: a <c>JsonNode</c>/<c>JsonElement</c>, a KubernetesClient model, a dictionary or
    /// any object that System.Text.Json writes in the shape the CRD expects (member names in camelCase).
    /// </summary>
    public Input<object>? Spec { get; init; }

    /// <summary>
    /// Other top-level fields by wire name (e.g. <c>data</c>, <c>rules</c>, <c>webhooks</c>), with values as for
    /// <see cref="Spec"/>. Only the field names in <see cref="GenericResource.SupportedFields"/> can be sent.
    /// </summary>
    public IDictionary<string, Input<object>> OtherFields
    {
        get => _otherFields ??= new Dictionary<string, Input<object>>(StringComparer.Ordinal);
        init => _otherFields = value;
    }
}
