using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes;

/// <summary>
/// A Kubernetes object managed by the <c>kubernetes</c> provider. Every kind has <c>apiVersion</c>,
/// <c>kind</c> and <c>metadata</c> as outputs; the outputs are the whole live object as the provider
/// reads it back (server defaults included).
/// </summary>
/// <remarks>
/// Object shapes are the KubernetesClient models (<c>k8s.Models</c>). They travel in their Kubernetes
/// JSON form, so IntOrString values, quantities such as <c>500Mi</c> and timestamps are sent and read
/// exactly as the API server writes them.
/// </remarks>
public abstract class KubernetesResource : CustomResource
{
    private Output<V1ObjectMeta>? _metadata;

    private protected KubernetesResource(string type, string name, ResourceArgs args, CustomResourceOptions? options)
        : base(type, name, args, options, KubernetesPackage.Version)
    {
    }

    /// <summary>The object's <c>apiVersion</c>, e.g. <c>apps/v1</c>.</summary>
    [Output("apiVersion")]
    public Output<string> ApiVersion { get; private set; } = null!;

    /// <summary>The object's <c>kind</c>, e.g. <c>Deployment</c>.</summary>
    [Output("kind")]
    public Output<string> Kind { get; private set; } = null!;

    /// <summary>
    /// The live metadata: the name (also when the provider chose it, see autonaming), namespace, labels,
    /// annotations, uid, resourceVersion and creationTimestamp.
    /// </summary>
    public Output<V1ObjectMeta> Metadata => _metadata ??= KubernetesJsonValues.FromJson<V1ObjectMeta>(MetadataJson).Apply(m => m ?? new V1ObjectMeta());

    [Output("metadata")]
    internal Output<JsonElement?> MetadataJson { get; private set; } = null!;

    /// <summary>Options that read the object with ID <paramref name="id"/> instead of managing it (a <c>Get</c>).</summary>
    private protected static CustomResourceOptions ReadOptions(CustomResourceOptions? options, Input<string> id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var copy = OptionsWithDefaults.Of(options, [], []);
        copy.Id = id;
        return copy;
    }
}
