using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.KubeConfigModels;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// Raw Kubernetes API calls over <see cref="k8s.Kubernetes"/> (its HTTP client and credentials, configured from the
/// kubeconfig): discovery, GET, server-side apply, POST/PUT for client-side apply, and DELETE. Errors become
/// <see cref="KubernetesApiException"/> (an error Status) or <see cref="KubernetesUnreachableException"/>.
/// </summary>
internal sealed class KubernetesApiClient : IDisposable
{
    /// <summary>The content type of a server-side apply patch.</summary>
    public const string ApplyPatchContentType = "application/apply-patch+yaml";

    private readonly k8s.Kubernetes _client;
    private readonly ConcurrentDictionary<string, Task<ImmutableArray<KubernetesResourceInfo>>> _discovery = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout;

    private KubernetesApiClient(KubernetesClientConfiguration configuration, string server, string context, string? contextNamespace, TimeSpan timeout)
    {
        configuration.HttpClientTimeout = timeout;
        _client = new k8s.Kubernetes(configuration);
        Server = server;
        Context = context;
        ContextNamespace = contextNamespace;
        _timeout = timeout;
    }

    /// <summary>The API server address (for messages).</summary>
    public string Server { get; }

    /// <summary>The selected kubeconfig context.</summary>
    public string Context { get; }

    /// <summary>The context's namespace, if it sets one.</summary>
    public string? ContextNamespace { get; }

    /// <summary>Builds a client from kubeconfig contents; a malformed kubeconfig or unknown context/cluster is a configuration error.</summary>
    public static KubernetesApiClient Create(string kubeconfig, string source, string? context, string? cluster, TimeSpan timeout)
    {
        K8SConfiguration parsed;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
            parsed = KubernetesClientConfiguration.LoadKubeConfig(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new KubernetesConfigurationException([$"{source}: is not a valid kubeconfig ({FirstLine(ex.Message)})"]);
        }

        var problems = new List<string>();
        var contexts = parsed.Contexts?.ToList() ?? [];
        var clusters = parsed.Clusters?.ToList() ?? [];
        var selected = context ?? parsed.CurrentContext;
        Context? found = null;
        if (string.IsNullOrEmpty(selected))
        {
            problems.Add($"kubernetes:context: {source} has no current-context and no context was given (contexts: {Names(contexts.Select(c => c.Name))})");
        }
        else
        {
            found = contexts.FirstOrDefault(c => c.Name == selected);
            if (found is null)
            {
                problems.Add(context is null
                    ? $"{source}: current-context '{selected}' is not one of its contexts ({Names(contexts.Select(c => c.Name))})"
                    : $"kubernetes:context: '{selected}' is not a context of {source} (contexts: {Names(contexts.Select(c => c.Name))})");
            }
        }

        var clusterName = cluster ?? found?.ContextDetails?.Cluster;
        Cluster? endpoint = null;
        if (found is not null || cluster is not null)
        {
            endpoint = clusters.FirstOrDefault(c => c.Name == clusterName);
            if (endpoint is null)
            {
                problems.Add(cluster is null
                    ? $"{source}: context '{selected}' refers to cluster '{clusterName}', which is not one of its clusters ({Names(clusters.Select(c => c.Name))})"
                    : $"kubernetes:cluster: '{cluster}' is not a cluster of {source} (clusters: {Names(clusters.Select(c => c.Name))})");
            }
            else if (string.IsNullOrEmpty(endpoint.ClusterEndpoint?.Server) || !Uri.TryCreate(endpoint.ClusterEndpoint.Server, UriKind.Absolute, out _))
            {
                problems.Add($"{source}: cluster '{clusterName}' must have an absolute server URL (was '{endpoint.ClusterEndpoint?.Server}')");
            }
        }

        if (problems.Count > 0)
        {
            throw new KubernetesConfigurationException(problems);
        }

        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(parsed, selected, endpoint!.ClusterEndpoint!.Server);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new KubernetesConfigurationException([$"{source}: context '{selected}' cannot be used ({FirstLine(ex.Message)})"]);
        }

        return new KubernetesApiClient(configuration, endpoint.ClusterEndpoint!.Server, selected!, found?.ContextDetails?.Namespace, timeout);
    }

    /// <summary>Finds the resource type of a kind through discovery (cached per apiVersion).</summary>
    public async Task<KubernetesResourceInfo> ResolveAsync(KubernetesTypeToken type, CancellationToken cancellationToken = default)
    {
        var list = await _discovery.GetOrAdd(type.ApiVersion, _ => DiscoverAsync(type, cancellationToken)).ConfigureAwait(false);
        if (list.IsDefaultOrEmpty)
        {
            _discovery.TryRemove(type.ApiVersion, out _);
        }

        return list.FirstOrDefault(r => r.Type.Kind == type.Kind)
            ?? throw new KubernetesApiException(
                404,
                "NotFound",
                $"The cluster at {Server} does not serve kind '{type.Kind}' in apiVersion '{type.ApiVersion}'. If it is a custom resource, install its CustomResourceDefinition first (dependsOn).");
    }

    /// <summary>GETs an object; null when it does not exist (404).</summary>
    public async Task<JsonObject?> GetAsync(KubernetesResourceInfo info, string? ns, string name, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, info.ObjectPath(ns, name));
        return await SendAsync(request, allowNotFound: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Server-side apply: PATCH with <c>application/apply-patch+yaml</c> (JSON is YAML), the field manager and force.</summary>
    public async Task<JsonObject> ApplyAsync(
        KubernetesResourceInfo info, string? ns, string name, JsonObject body, string fieldManager, bool force, CancellationToken cancellationToken = default)
    {
        var query = $"?fieldManager={Uri.EscapeDataString(fieldManager)}{(force ? "&force=true" : string.Empty)}";
        using var request = new HttpRequestMessage(HttpMethod.Patch, info.ObjectPath(ns, name) + query)
        {
            Content = Json(body, ApplyPatchContentType),
        };
        return (await SendAsync(request, allowNotFound: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>POSTs a new object (client-side apply).</summary>
    public async Task<JsonObject> CreateAsync(KubernetesResourceInfo info, string? ns, JsonObject body, string fieldManager, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, info.CollectionPath(ns) + "?fieldManager=" + Uri.EscapeDataString(fieldManager))
        {
            Content = Json(body, "application/json"),
        };
        return (await SendAsync(request, allowNotFound: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>PUTs an object (client-side apply); the body carries the resourceVersion it was based on.</summary>
    public async Task<JsonObject> ReplaceAsync(
        KubernetesResourceInfo info, string? ns, string name, JsonObject body, string fieldManager, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, info.ObjectPath(ns, name) + "?fieldManager=" + Uri.EscapeDataString(fieldManager))
        {
            Content = Json(body, "application/json"),
        };
        return (await SendAsync(request, allowNotFound: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>DELETEs an object with a propagation policy; false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(KubernetesResourceInfo info, string? ns, string name, string propagationPolicy, CancellationToken cancellationToken = default)
    {
        var options = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = propagationPolicy };
        using var request = new HttpRequestMessage(HttpMethod.Delete, info.ObjectPath(ns, name)) { Content = Json(options, "application/json") };
        return await SendAsync(request, allowNotFound: true, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private static StringContent Json(JsonObject body, string contentType)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private async Task<ImmutableArray<KubernetesResourceInfo>> DiscoverAsync(KubernetesTypeToken type, CancellationToken cancellationToken)
    {
        var path = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var list = await SendAsync(request, allowNotFound: true, cancellationToken).ConfigureAwait(false);
        if (list?["resources"] is not JsonArray resources)
        {
            return [];
        }

        return
        [
            .. resources.OfType<JsonObject>()
                .Where(r => KubernetesJson.GetString(r, "name") is { } n && !n.Contains('/', StringComparison.Ordinal))
                .Select(r => new KubernetesResourceInfo(
                    type with { Kind = KubernetesJson.GetString(r, "kind") ?? string.Empty },
                    KubernetesJson.GetString(r, "name")!,
                    r["namespaced"] is JsonValue v && v.GetValueKind() == JsonValueKind.True)),
        ];
    }

    private async Task<JsonObject?> SendAsync(HttpRequestMessage request, bool allowNotFound, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(_client.BaseUri, request.RequestUri!.OriginalString.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            if (_client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, timeout.Token).ConfigureAwait(false);
            }

            response = await _client.HttpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException socket ? socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.TimedOut => "connection timed out",
                _ => socket.SocketErrorCode.ToString(),
            } : FirstLine(ex.Message);
            throw new KubernetesUnreachableException(Server, $"Cannot reach the Kubernetes API server at {Server} (context '{Context}'): {reason}.", ex);
        }
        catch (Exception ex) when (ex is TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new KubernetesUnreachableException(
                Server,
                $"The Kubernetes API server at {Server} (context '{Context}') did not answer within {_timeout.TotalSeconds:0.#} s (kubeClientSettings.timeout).",
                ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text) as JsonObject ?? [];
            }

            if (response.StatusCode == HttpStatusCode.NotFound && allowNotFound)
            {
                return null;
            }

            throw ToException((int)response.StatusCode, text, request);
        }
    }

    private static KubernetesApiException ToException(int code, string text, HttpRequestMessage request)
    {
        JsonObject? status = null;
        try
        {
            status = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        var reason = KubernetesJson.GetString(status, "reason") ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = KubernetesJson.GetString(status, "message") ?? $"{request.Method} {request.RequestUri?.AbsolutePath} failed with HTTP {code}";
        var causes = (KubernetesJson.Walk(status, ["details", "causes"]) as JsonArray)?.OfType<JsonObject>()
            .Select(c => new KubernetesStatusCause(KubernetesJson.GetString(c, "reason") ?? KubernetesJson.GetString(c, "type") ?? string.Empty, KubernetesJson.GetString(c, "message") ?? string.Empty, KubernetesJson.GetString(c, "field") ?? string.Empty))
            .ToImmutableArray() ?? [];
        return new KubernetesApiException(code, reason, message, causes);
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Select(n => $"'{n}'"));
    }

    private static string FirstLine(string message)
    {
        var index = message.IndexOfAny(['\r', '\n']);
        return (index < 0 ? message : message[..index]).Trim();
    }
}
