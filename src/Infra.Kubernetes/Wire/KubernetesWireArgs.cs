using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Infra.Kubernetes.Wire;

/// <summary>
/// The inputs of a Kubernetes object exactly as they go on the wire: <c>apiVersion</c>, <c>kind</c> and
/// one JSON value per top-level field, each already in its Kubernetes JSON shape
/// (see <see cref="KubernetesJsonValues"/>). Typed resources and <see cref="GenericResource"/> build one.
/// </summary>
/// <remarks>
/// The SDK's serializer discovers inputs by property, so every top-level field name an object may carry
/// has a property here. <see cref="FieldNames"/> lists them; a field outside that list cannot be sent.
/// </remarks>
internal sealed class KubernetesWireArgs : ResourceArgs
{
    private readonly Dictionary<string, Output<JsonNode?>> _fields = new(StringComparer.Ordinal);

    public KubernetesWireArgs(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>Every top-level field name this type can send, besides <c>apiVersion</c> and <c>kind</c>.</summary>
    public static FrozenSet<string> FieldNames { get; } = typeof(KubernetesWireArgs)
        .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
        .Select(p => p.GetCustomAttribute<InputAttribute>()?.Name)
        .OfType<string>()
        .ToFrozenSet(StringComparer.Ordinal);

    [Input("apiVersion")]
    public string ApiVersion { get; }

    [Input("kind")]
    public string Kind { get; }

    /// <summary>The fields set so far, by wire name.</summary>
    public IReadOnlyDictionary<string, Output<JsonNode?>> Fields => _fields;

    [Input("metadata")]
    private Output<JsonNode?>? Metadata => Field("metadata");

    [Input("spec")]
    private Output<JsonNode?>? Spec => Field("spec");

    [Input("data")]
    private Output<JsonNode?>? Data => Field("data");

    [Input("binaryData")]
    private Output<JsonNode?>? BinaryData => Field("binaryData");

    [Input("stringData")]
    private Output<JsonNode?>? StringData => Field("stringData");

    [Input("type")]
    private Output<JsonNode?>? Type => Field("type");

    [Input("immutable")]
    private Output<JsonNode?>? Immutable => Field("immutable");

    [Input("automountServiceAccountToken")]
    private Output<JsonNode?>? AutomountServiceAccountToken => Field("automountServiceAccountToken");

    [Input("imagePullSecrets")]
    private Output<JsonNode?>? ImagePullSecrets => Field("imagePullSecrets");

    [Input("secrets")]
    private Output<JsonNode?>? Secrets => Field("secrets");

    [Input("rules")]
    private Output<JsonNode?>? Rules => Field("rules");

    [Input("aggregationRule")]
    private Output<JsonNode?>? AggregationRule => Field("aggregationRule");

    [Input("roleRef")]
    private Output<JsonNode?>? RoleRef => Field("roleRef");

    [Input("subjects")]
    private Output<JsonNode?>? Subjects => Field("subjects");

    [Input("provisioner")]
    private Output<JsonNode?>? Provisioner => Field("provisioner");

    [Input("parameters")]
    private Output<JsonNode?>? Parameters => Field("parameters");

    [Input("reclaimPolicy")]
    private Output<JsonNode?>? ReclaimPolicy => Field("reclaimPolicy");

    [Input("volumeBindingMode")]
    private Output<JsonNode?>? VolumeBindingMode => Field("volumeBindingMode");

    [Input("allowVolumeExpansion")]
    private Output<JsonNode?>? AllowVolumeExpansion => Field("allowVolumeExpansion");

    [Input("mountOptions")]
    private Output<JsonNode?>? MountOptions => Field("mountOptions");

    [Input("allowedTopologies")]
    private Output<JsonNode?>? AllowedTopologies => Field("allowedTopologies");

    [Input("template")]
    private Output<JsonNode?>? Template => Field("template");

    [Input("webhooks")]
    private Output<JsonNode?>? Webhooks => Field("webhooks");

    [Input("value")]
    private Output<JsonNode?>? Value => Field("value");

    [Input("globalDefault")]
    private Output<JsonNode?>? GlobalDefault => Field("globalDefault");

    [Input("preemptionPolicy")]
    private Output<JsonNode?>? PreemptionPolicy => Field("preemptionPolicy");

    [Input("description")]
    private Output<JsonNode?>? Description => Field("description");

    [Input("handler")]
    private Output<JsonNode?>? Handler => Field("handler");

    [Input("overhead")]
    private Output<JsonNode?>? Overhead => Field("overhead");

    [Input("scheduling")]
    private Output<JsonNode?>? Scheduling => Field("scheduling");

    [Input("subsets")]
    private Output<JsonNode?>? Subsets => Field("subsets");

    [Input("addressType")]
    private Output<JsonNode?>? AddressType => Field("addressType");

    [Input("endpoints")]
    private Output<JsonNode?>? Endpoints => Field("endpoints");

    [Input("ports")]
    private Output<JsonNode?>? Ports => Field("ports");

    [Input("operation")]
    private Output<JsonNode?>? Operation => Field("operation");

    /// <summary>Sets a top-level field; <paramref name="name"/> must be one of <see cref="FieldNames"/>.</summary>
    public void Set(string name, Output<JsonNode?> value)
    {
        if (!FieldNames.Contains(name))
        {
            throw new ArgumentOutOfRangeException(nameof(name), name, $"'{name}' is not a top-level field this package can send.");
        }

        _fields[name] = value;
    }

    private Output<JsonNode?>? Field(string name) => _fields.GetValueOrDefault(name);
}
