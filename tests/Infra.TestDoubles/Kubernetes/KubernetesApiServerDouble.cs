using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infra.TestDoubles.Kubernetes;

/// <summary>
/// A strict in-process double of the Kubernetes API server (plain HTTP on 127.0.0.1, bearer token), written from
/// the public API documentation: discovery, namespaced and cluster-scoped objects, server-side apply with
/// per-field-manager ownership and 409 conflicts unless <c>force=true</c>, merge patches, POST/PUT with
/// resourceVersion checks, DELETE with propagationPolicy, 404/409/415/422 like the real server, status simulation
/// (workloads become ready after N polls, Jobs complete or fail, Services get endpoints or a load balancer), and
/// fault switches (slow responses, aborted connections, failures). Every request is recorded.
/// </summary>
public sealed partial class KubernetesApiServerDouble : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<KubernetesDoubleRequest> _requests = [];
    private readonly Dictionary<string, KubernetesDoubleObject> _objects = new(StringComparer.Ordinal);
    private readonly List<KubernetesDoubleResourceType> _types = [.. KubernetesDoubleResourceType.BuiltIn];
    private WebApplication? _app;
    private long _resourceVersion = 1000;
    private long _uid;
    private int _failuresLeft;

    /// <summary>Creates a double (call <see cref="StartAsync"/>); the default and kube-system namespaces exist.</summary>
    public KubernetesApiServerDouble(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        foreach (var ns in new[] { "default", "kube-system" })
        {
            var type = _types[0];
            var body = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } };
            StampNew(body);
            body["status"] = new JsonObject { ["phase"] = "Active" };
            _objects[Key(type, null, ns)] = new KubernetesDoubleObject(type, body);
        }
    }

    /// <summary>The bearer token clients must send.</summary>
    public string Token { get; } = "double-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The clock used for timestamps.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The server address, e.g. <c>http://127.0.0.1:41234</c> (after start).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>GETs of a Deployment/StatefulSet/DaemonSet after which all its replicas are ready (0 = ready at once).</summary>
    public int WorkloadReadyAfterPolls { get; set; } = 2;

    /// <summary>GETs of a Job after which it completes (or fails when its name is in <see cref="FailingJobs"/>).</summary>
    public int JobCompleteAfterPolls { get; set; } = 1;

    /// <summary>Names of Jobs that fail (BackoffLimitExceeded) instead of completing.</summary>
    public ISet<string> FailingJobs { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>GETs of a selector Service's Endpoints after which it has a ready address.</summary>
    public int EndpointsReadyAfterPolls { get; set; } = 1;

    /// <summary>GETs of a LoadBalancer Service after which it has an ingress IP; null = never.</summary>
    public int? LoadBalancerIngressAfterPolls { get; set; } = 1;

    /// <summary>Nodes a DaemonSet schedules onto.</summary>
    public int Nodes { get; set; } = 2;

    /// <summary>GETs a foreground deletion takes before the object is gone (0 = immediately).</summary>
    public int ForegroundDeletionPolls { get; set; } = 1;

    /// <summary>Fault: delay before answering every request.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Fault: abort every connection without an answer (the client sees a connection error).</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>Every request so far.</summary>
    public IReadOnlyList<KubernetesDoubleRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many requests arrived.</summary>
    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>A kubeconfig (context <c>double</c>, namespace <c>default</c>) pointing at this server with the bearer token.</summary>
    public string KubeConfig(string context = "double", string? ns = "default") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {context}-cluster
          cluster:
            server: {BaseAddress.ToString().TrimEnd('/')}
        contexts:
        - name: {context}
          context:
            cluster: {context}-cluster
            user: {context}-user
        {(ns is null ? string.Empty : "    namespace: " + ns)}
        current-context: {context}
        users:
        - name: {context}-user
          user:
            token: {Token}
        """;

    /// <summary>Starts listening on 127.0.0.1 with a free port.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        _app = app;
    }

    /// <summary>Fault: the next <paramref name="count"/> requests fail with <paramref name="statusCode"/> (500 InternalError by default).</summary>
    public void FailNext(int count, int statusCode = 500)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            FailureStatusCode = statusCode;
        }
    }

    /// <summary>The status code used by <see cref="FailNext"/>.</summary>
    public int FailureStatusCode { get; private set; } = 500;

    /// <summary>Adds a served type (e.g. a custom resource).</summary>
    public void AddResourceType(KubernetesDoubleResourceType type)
    {
        lock (_gate)
        {
            _types.Add(type);
        }
    }

    /// <summary>A copy of a stored object, or null.</summary>
    public JsonObject? GetObject(string apiVersion, string kind, string? ns, string name)
    {
        lock (_gate)
        {
            var type = FindType(apiVersion, kind);
            return type is not null && _objects.TryGetValue(Key(type, type.Namespaced ? ns ?? "default" : null, name), out var stored)
                ? (JsonObject)stored.Body.DeepClone()
                : null;
        }
    }

    /// <summary>The stored object with its ownership (live view, for assertions), or null.</summary>
    public KubernetesDoubleObject? Find(string apiVersion, string kind, string? ns, string name)
    {
        lock (_gate)
        {
            var type = FindType(apiVersion, kind);
            return type is not null && _objects.TryGetValue(Key(type, type.Namespaced ? ns ?? "default" : null, name), out var stored) ? stored : null;
        }
    }

    /// <summary>All stored objects of a kind.</summary>
    public IReadOnlyList<JsonObject> List(string apiVersion, string kind)
    {
        lock (_gate)
        {
            return [.. _objects.Values.Where(o => o.Type.ApiVersion == apiVersion && o.Type.Kind == kind).Select(o => (JsonObject)o.Body.DeepClone())];
        }
    }

    /// <summary>
    /// Simulates another tool (e.g. <c>kubectl edit</c> or a controller) changing an object with a merge patch under
    /// <paramref name="manager"/>, which then owns the changed fields (operation Update).
    /// </summary>
    public void MergePatchAs(string manager, string apiVersion, string kind, string? ns, string name, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        lock (_gate)
        {
            var type = FindType(apiVersion, kind) ?? throw new InvalidOperationException($"{apiVersion} {kind} is not served");
            var stored = _objects[Key(type, type.Namespaced ? ns ?? "default" : null, name)];
            var merged = (JsonObject)stored.Body.DeepClone();
            MergePatch(merged, patch);
            TakeOwnership(stored, manager, "Update", merged);
            Commit(stored, merged);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static string Key(KubernetesDoubleResourceType type, string? ns, string name) => $"{type.Group}/{type.Plural}/{ns}/{name}";

    private KubernetesDoubleResourceType? FindType(string apiVersion, string kind) =>
        _types.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    private string NextResourceVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    private void StampNew(JsonObject body)
    {
        var metadata = (JsonObject)body["metadata"]!;
        metadata["uid"] = $"00000000-0000-4000-8000-{++_uid:D12}";
        metadata["resourceVersion"] = NextResourceVersion();
        metadata["generation"] = 1;
        metadata["creationTimestamp"] = TimeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
