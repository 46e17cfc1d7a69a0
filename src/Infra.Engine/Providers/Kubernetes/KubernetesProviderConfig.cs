using System.Globalization;
using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// The parsed provider configuration (provider-schemas.md §1.2). Non-string values arrive JSON-encoded as strings
/// (<c>"true"</c>, <c>"{\"timeout\":5}"</c>) or as plain values; environment variables give the documented defaults.
/// </summary>
internal sealed record KubernetesProviderConfig
{
    /// <summary>The kubeconfig contents (a path is read in <see cref="Parse"/>), or null when none is given.</summary>
    public string? KubeConfig { get; init; }

    /// <summary>Where the kubeconfig came from, for messages (never its contents).</summary>
    public string KubeConfigSource { get; init; } = "kubeconfig";

    /// <summary>Whether the kubeconfig (or another connection setting) is unknown in this preview.</summary>
    public bool IsUnknown { get; init; }

    public string? Context { get; init; }

    public string? Cluster { get; init; }

    public string? Namespace { get; init; }

    public string? RenderYamlToDirectory { get; init; }

    public bool AlwaysRender { get; init; }

    /// <summary>Infra extension: write Secret <c>data</c>/<c>stringData</c> in render mode (off: they are left out).</summary>
    public bool RenderSecrets { get; init; }

    public bool EnableServerSideApply { get; init; } = true;

    public bool EnablePatchForce { get; init; }

    public bool UpsertExistingObjects { get; init; }

    public bool EnableConfigMapMutable { get; init; }

    public bool EnableSecretMutable { get; init; }

    public bool DeleteUnreachable { get; init; }

    public bool SkipUpdateUnreachable { get; init; }

    /// <summary>Infra extension: fail Check when an object has no <c>metadata.name</c> instead of autonaming it.</summary>
    public bool DisableAutonaming { get; init; }

    public string? ClusterIdentifier { get; init; }

    /// <summary><c>kubeClientSettings.timeout</c>: the per-request HTTP timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>Whether manifests are rendered instead of applied.</summary>
    public bool IsRenderMode => !string.IsNullOrEmpty(RenderYamlToDirectory);

    /// <summary>Parses the configuration, collecting every problem (field, rule, value) into one exception.</summary>
    /// <exception cref="KubernetesConfigurationException">Some values are malformed.</exception>
    public static KubernetesProviderConfig Parse(IReadOnlyDictionary<string, PropertyValue> config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        var unknown = false;

        string? Text(string key)
        {
            if (!config.TryGetValue(key, out var value))
            {
                return null;
            }

            if (value.ContainsUnknowns)
            {
                unknown = true;
                return null;
            }

            var plain = value.WithoutSecrets();
            return plain.Kind switch
            {
                PropertyValueKind.String => plain.StringValue,
                PropertyValueKind.Null => null,
                PropertyValueKind.Bool => plain.BoolValue ? "true" : "false",
                PropertyValueKind.Number => plain.NumberValue.ToString(CultureInfo.InvariantCulture),
                _ => KubernetesJson.ToJson(plain)?.ToJsonString(),
            };
        }

        bool Flag(string key, string? variable, bool fallback)
        {
            var text = Text(key);
            var source = $"kubernetes:{key}";
            if (text is null && variable is not null)
            {
                text = environment(variable);
                source = $"environment variable {variable}";
            }

            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            if (bool.TryParse(text.Trim().Trim('"'), out var result))
            {
                return result;
            }

            problems.Add($"{source}: must be true or false (was '{text}')");
            return fallback;
        }

        var kubeconfigText = Text("kubeconfig");
        var kubeconfigSecretOrUnknown = unknown;
        var source = "kubernetes:kubeconfig";
        string? kubeconfig = null;
        if (kubeconfigText is null && !kubeconfigSecretOrUnknown)
        {
            var fromEnvironment = environment("KUBECONFIG");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                kubeconfigText = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
                source = "environment variable KUBECONFIG";
            }
        }

        if (!string.IsNullOrWhiteSpace(kubeconfigText))
        {
            kubeconfig = ReadKubeConfig(kubeconfigText, source, problems);
        }

        var timeout = TimeSpan.FromSeconds(32);
        var settings = Text("kubeClientSettings");
        if (!string.IsNullOrEmpty(settings))
        {
            timeout = ParseClientSettings(settings, problems) ?? timeout;
        }

        var result = new KubernetesProviderConfig
        {
            KubeConfig = kubeconfig,
            KubeConfigSource = source,
            Context = NullIfEmpty(Text("context")),
            Cluster = NullIfEmpty(Text("cluster")),
            Namespace = NullIfEmpty(Text("namespace")),
            RenderYamlToDirectory = NullIfEmpty(Text("renderYamlToDirectory")),
            AlwaysRender = Flag("alwaysRender", null, false),
            RenderSecrets = Flag("renderSecrets", null, false),
            EnableServerSideApply = Flag("enableServerSideApply", "PULUMI_K8S_ENABLE_SERVER_SIDE_APPLY", true),
            EnablePatchForce = Flag("enablePatchForce", "PULUMI_K8S_ENABLE_PATCH_FORCE", false),
            UpsertExistingObjects = Flag("upsertExistingObjects", "PULUMI_K8S_UPSERT_EXISTING_OBJECTS", false),
            EnableConfigMapMutable = Flag("enableConfigMapMutable", "PULUMI_K8S_ENABLE_CONFIGMAP_MUTABLE", false),
            EnableSecretMutable = Flag("enableSecretMutable", "PULUMI_K8S_ENABLE_SECRET_MUTABLE", false),
            DeleteUnreachable = Flag("deleteUnreachable", "PULUMI_K8S_DELETE_UNREACHABLE", false),
            SkipUpdateUnreachable = Flag("skipUpdateUnreachable", "PULUMI_K8S_SKIP_UPDATE_UNREACHABLE", false),
            DisableAutonaming = Flag("disableAutonaming", null, false),
            ClusterIdentifier = NullIfEmpty(Text("clusterIdentifier")),
            RequestTimeout = timeout,
        };

        if (problems.Count > 0)
        {
            throw new KubernetesConfigurationException(problems);
        }

        return result with { IsUnknown = unknown };
    }

    private static string? ReadKubeConfig(string text, string source, List<string> problems)
    {
        var trimmed = text.TrimStart();
        var isContents = trimmed.StartsWith('{') || text.Contains('\n', StringComparison.Ordinal) || trimmed.StartsWith("apiVersion:", StringComparison.Ordinal);
        if (isContents)
        {
            return text;
        }

        var path = text.Trim();
        if (path.StartsWith('~'))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'));
        }

        if (!File.Exists(path))
        {
            problems.Add($"{source}: must be kubeconfig contents or the path of a kubeconfig file, but file '{path}' does not exist");
            return null;
        }

        return File.ReadAllText(path);
    }

    private static TimeSpan? ParseClientSettings(string text, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"kubernetes:kubeClientSettings: must be an object with burst, qps and timeout (was '{text}')");
                return null;
            }

            if (document.RootElement.TryGetProperty("timeout", out var timeout))
            {
                if (timeout.ValueKind != JsonValueKind.Number || !timeout.TryGetDouble(out var seconds) || seconds <= 0)
                {
                    problems.Add($"kubernetes:kubeClientSettings.timeout: must be a positive number of seconds (was '{timeout.GetRawText()}')");
                    return null;
                }

                return TimeSpan.FromSeconds(seconds);
            }

            return null;
        }
        catch (JsonException)
        {
            problems.Add($"kubernetes:kubeClientSettings: must be a JSON object such as {{\"timeout\": 32}} (was '{text}')");
            return null;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
