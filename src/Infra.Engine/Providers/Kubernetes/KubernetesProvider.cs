using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// The built-in provider of package <c>kubernetes</c> (provider-schemas.md §1): objects of every kind, addressed by
/// type tokens <c>kubernetes:&lt;group&gt;/&lt;version&gt;:&lt;Kind&gt;</c>, whose inputs are the Kubernetes JSON object.
/// It applies them with server-side apply over the Kubernetes HTTP API (or client-side apply when
/// <c>enableServerSideApply</c> is false), autonames unnamed objects, decides replacements, waits for readiness,
/// deletes with a propagation policy, reads for refresh, and in render mode (<c>renderYamlToDirectory</c>) writes
/// manifests instead of contacting a cluster. With an unknown kubeconfig (preview of a stack that creates its
/// cluster) it plans without contacting anything.
/// </summary>
/// <remarks>
/// Outputs are the live object without <c>metadata.managedFields</c>, plus the internal <c>__fieldManager</c>.
/// Secret <c>data</c>/<c>stringData</c> outputs are secret. IDs are <c>name</c> or <c>namespace/name</c>.
/// </remarks>
internal sealed partial class KubernetesProvider : IResourceProvider, IDisposable
{
    /// <summary>The package name.</summary>
    public const string PackageName = "kubernetes";

    /// <summary>The internal output key holding the SSA field manager.</summary>
    public const string FieldManagerKey = "__fieldManager";

    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string?> _environment;
    private readonly TimeSpan _pollInterval;
    private KubernetesProviderConfig _config = new();
    private KubernetesApiClient? _client;

    /// <summary>Creates an unconfigured provider.</summary>
    /// <param name="timeProvider">Clock for readiness polling and timeouts.</param>
    /// <param name="environment">Reads environment variables (<c>KUBECONFIG</c>, <c>PULUMI_K8S_*</c>, <c>HOME</c>); the process environment by default.</param>
    /// <param name="pollInterval">How often readiness and deletion are polled; 1 s by default.</param>
    public KubernetesProvider(TimeProvider timeProvider, Func<string, string?>? environment = null, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _pollInterval = pollInterval ?? DefaultPollInterval;
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <summary>Creates a fresh provider per provider resource, sharing this one's clock, environment and poll interval.</summary>
    public ProviderFactory Factory => (_, _) => new KubernetesProvider(_timeProvider, _environment, _pollInterval);

    /// <summary>The configuration in effect (after <see cref="ConfigureAsync"/>).</summary>
    public KubernetesProviderConfig Configuration => _config;

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = KubernetesProviderConfig.Parse(request.Config, _environment);
        KubernetesApiClient? client = null;
        if (!config.IsRenderMode && !config.IsUnknown)
        {
            var kubeconfig = config.KubeConfig;
            var source = config.KubeConfigSource;
            if (kubeconfig is null)
            {
                var home = _environment("HOME") ?? _environment("USERPROFILE");
                var path = home is null ? null : Path.Combine(home, ".kube", "config");
                if (path is null || !File.Exists(path))
                {
                    throw new KubernetesConfigurationException(
                        ["kubernetes:kubeconfig: is required to reach a cluster: it is not set, KUBECONFIG is not set and ~/.kube/config does not exist (set kubeconfig, or renderYamlToDirectory to render manifests instead)"]);
                }

                kubeconfig = File.ReadAllText(path);
                source = "~/.kube/config";
            }

            client = KubernetesApiClient.Create(kubeconfig, source, config.Context, config.Cluster, config.RequestTimeout);
        }

        _client?.Dispose();
        _client = client;
        _config = config;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new InvokeResult
        {
            Failures = [new CheckFailure(string.Empty, $"the built-in kubernetes provider has no function '{request.Token}'")],
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _client?.Dispose();

    private static KubernetesTypeToken TypeOf(string urn)
    {
        var token = ResourceUrn.TypeOf(urn);
        return KubernetesTypeToken.TryParse(token, out var type, out var reason) ? type : throw new ArgumentException(reason, nameof(urn));
    }

    private static string Display(KubernetesTypeToken type, string? ns, string name) =>
        ns is null ? $"{type.Kind} {name}" : $"{type.Kind} {ns}/{name}";

    private static string IdOf(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    private static string? Annotation(IReadOnlyDictionary<string, PropertyValue> inputs, string key) =>
        KubernetesJson.AsString(KubernetesJson.Member(KubernetesJson.At(inputs, "metadata.annotations"), key));

    private static bool AnnotationTrue(IReadOnlyDictionary<string, PropertyValue> inputs, string key) =>
        string.Equals(Annotation(inputs, key), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The namespace of a namespaced object: its own, then the provider's, then the context's, then <c>default</c>.</summary>
    private string EffectiveNamespace(IReadOnlyDictionary<string, PropertyValue> inputs) =>
        KubernetesJson.AsString(KubernetesJson.At(inputs, "metadata.namespace")) ?? _config.Namespace ?? _client?.ContextNamespace ?? "default";

    private string FieldManagerFor(string urn, IReadOnlyDictionary<string, PropertyValue> inputs, IReadOnlyDictionary<string, PropertyValue>? oldOutputs)
    {
        if (Annotation(inputs, KubernetesAnnotations.PatchFieldManager) is { Length: > 0 } manager)
        {
            return manager;
        }

        if (!_config.EnableServerSideApply)
        {
            return "pulumi-kubernetes";
        }

        return KubernetesJson.AsString(oldOutputs?.GetValueOrDefault(FieldManagerKey)) is { Length: > 0 } old
            ? old
            : "pulumi-kubernetes-" + KubernetesNames.ShortHash(urn);
    }

    /// <summary>The outputs of a live object: managedFields removed, secrets re-wrapped, field manager recorded.</summary>
    private static ImmutableSortedDictionary<string, PropertyValue> OutputsOf(
        KubernetesTypeToken type, JsonObject live, IReadOnlyDictionary<string, PropertyValue> inputs, string fieldManager)
    {
        if (live["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
        }

        var outputs = KubernetesJson.FromJsonObject(live).SetItem(FieldManagerKey, PropertyValue.Create(fieldManager));
        return ProtectSecrets(type, outputs, inputs);
    }

    /// <summary>Wraps Secret data/stringData, and every top-level key whose input held a secret, as secrets.</summary>
    private static ImmutableSortedDictionary<string, PropertyValue> ProtectSecrets(
        KubernetesTypeToken type, ImmutableSortedDictionary<string, PropertyValue> outputs, IReadOnlyDictionary<string, PropertyValue> inputs)
    {
        var builder = outputs.ToBuilder();
        foreach (var (key, value) in outputs)
        {
            var secretKey = type.Group.Length == 0 && type.Kind == "Secret" && key is "data" or "stringData";
            if ((secretKey || (inputs.TryGetValue(key, out var input) && input.ContainsSecrets)) && value.Kind != PropertyValueKind.Secret && !value.IsNull)
            {
                builder[key] = PropertyValue.CreateSecret(value);
            }
        }

        return builder.ToImmutable();
    }
}
