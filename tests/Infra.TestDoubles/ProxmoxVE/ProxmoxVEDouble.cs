using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>
/// A strict in-process double of the Proxmox VE REST API (<c>/api2/json</c>), written from the public API
/// documentation. It checks the <c>Authorization: PVEAPIToken=USER@REALM!TOKENID=UUID</c> header (or a ticket
/// cookie plus CSRF header), form-encoded POST/PUT bodies, parameter names and types (booleans are 0/1), and
/// answers <c>{"data": ...}</c>. Asynchronous calls return UPIDs whose tasks run, then stop with an exit status.
/// It models the failure modes users hit: parallel clones from one template or onto one storage contend for
/// Proxmox's file locks, and a task that waits longer than <see cref="ProxmoxVEDoubleOptions.LockTimeout"/>
/// fails with <c>can't lock file '/var/lock/qemu-server/lock-&lt;id&gt;.conf' - got timeout</c>; VM id conflicts;
/// slow or failing tasks; disk shrink rejection; unknown bridges; a guest agent that is not running.
/// </summary>
public sealed partial class ProxmoxVEDouble : IAsyncDisposable
{
    private const string ApiPrefix = "/api2/json/";

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly ProxmoxVEDoubleOptions _options;
    private readonly Dictionary<int, DoubleGuest> _guests = [];
    private readonly Dictionary<string, DoubleTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DoubleLock> _locks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Volid, long Size, string Content)>> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _taskDurations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<string>> _taskFailures = new(StringComparer.Ordinal);
    private readonly List<ProxmoxVERequestRecord> _requests = [];
    private readonly HashSet<int> _idsTakenOnNextIdCall = [];
    private readonly string _ticket = "PVE:root@pam:" + Guid.NewGuid().ToString("N");
    private readonly string _csrf = Guid.NewGuid().ToString("N");
    private int _pid = 0x1000;
    private int _macCounter;
    private int _idRacesLeft;
    private int _lockTimeouts;
    private int _runningClones;
    private int _maxRunningClones;

    private ProxmoxVEDouble(WebApplication app, ProxmoxVEDoubleOptions options, Uri endpoint)
    {
        _app = app;
        _options = options;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint to give the provider, e.g. <c>http://127.0.0.1:12345/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The accepted API token, <c>USER@REALM!TOKENID=UUID</c>.</summary>
    public string ApiToken => _options.TokenId + "=" + _options.TokenSecret;

    /// <summary>The options.</summary>
    public ProxmoxVEDoubleOptions Options => _options;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ProxmoxVERequestRecord> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every task so far.</summary>
    public IReadOnlyList<ProxmoxVETaskRecord> Tasks
    {
        get
        {
            lock (_gate)
            {
                return [.. _tasks.Values.Select(t => t.Snapshot())];
            }
        }
    }

    /// <summary>The VMs and containers that exist, by id.</summary>
    public IReadOnlyDictionary<int, ProxmoxVEGuest> Guests
    {
        get
        {
            lock (_gate)
            {
                return _guests.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Snapshot());
            }
        }
    }

    /// <summary>How many tasks failed because they waited too long for a lock.</summary>
    public int LockTimeouts => Volatile.Read(ref _lockTimeouts);

    /// <summary>The most clone tasks that ever ran (holding or waiting for locks) at once.</summary>
    public int MaxConcurrentClones => Volatile.Read(ref _maxRunningClones);

    /// <summary>Starts the double on 127.0.0.1 with a free port.</summary>
    public static async Task<ProxmoxVEDouble> StartAsync(ProxmoxVEDoubleOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProxmoxVEDoubleOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ProxmoxVEDouble? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ProxmoxVEDouble(app, options, new Uri(address.TrimEnd('/') + "/"));
        server.Seed();
        return server;
    }

    /// <summary>Adds a stopped VM template with one 8 GB disk on <paramref name="storage"/>.</summary>
    public void AddTemplate(int vmId, string name, string node = "pve", string storage = "local-lvm", int diskGb = 8)
    {
        lock (_gate)
        {
            var guest = new DoubleGuest(vmId, node, "qemu");
            guest.Config["name"] = name;
            guest.Config["template"] = "1";
            guest.Config["cores"] = "1";
            guest.Config["memory"] = "512";
            guest.Config["scsihw"] = "virtio-scsi-pci";
            guest.Config["scsi0"] = $"{storage}:base-{vmId}-disk-0,size={diskGb}G";
            guest.Config["net0"] = $"virtio={NextMac()},bridge=vmbr0";
            _guests[vmId] = guest;
        }
    }

    /// <summary>Makes the next task of <paramref name="type"/> (e.g. <c>qmclone</c>) fail with <paramref name="message"/>.</summary>
    public void FailNextTask(string type, string message)
    {
        lock (_gate)
        {
            if (!_taskFailures.TryGetValue(type, out var queue))
            {
                _taskFailures[type] = queue = new Queue<string>();
            }

            queue.Enqueue(message);
        }
    }

    /// <summary>Makes tasks of <paramref name="type"/> run for <paramref name="duration"/>.</summary>
    public void SetTaskDuration(string type, TimeSpan duration)
    {
        lock (_gate)
        {
            _taskDurations[type] = duration;
        }
    }

    /// <summary>
    /// Simulates another client racing for VM ids: the next <paramref name="count"/> answers of
    /// <c>GET /cluster/nextid</c> hand out an id that someone else takes right after.
    /// </summary>
    public void SimulateVmIdRace(int count = 1) => Interlocked.Exchange(ref _idRacesLeft, count);

    /// <summary>Marks whether the guest agent of VM <paramref name="vmId"/> is installed (it answers only when installed and running).</summary>
    public void SetGuestAgentInstalled(int vmId, bool installed)
    {
        lock (_gate)
        {
            _guests[vmId].GuestAgentInstalled = installed;
        }
    }

    /// <summary>Removes a guest behind the provider's back.</summary>
    public void RemoveOutOfBand(int vmId)
    {
        lock (_gate)
        {
            _guests.Remove(vmId);
        }
    }

    /// <summary>Changes a config key behind the provider's back.</summary>
    public void SetConfigOutOfBand(int vmId, string key, string value)
    {
        lock (_gate)
        {
            _guests[vmId].Config[key] = value;
        }
    }

    /// <summary>Adds a volume to a storage (as if uploaded earlier).</summary>
    public void AddVolume(string node, string storage, string volid, long size, string content)
    {
        lock (_gate)
        {
            Volumes(node, storage).Add((volid, size, content));
        }
    }

    /// <summary>The volumes of a storage.</summary>
    public IReadOnlyList<string> VolumesOf(string node, string storage)
    {
        lock (_gate)
        {
            return [.. Volumes(node, storage).Select(v => v.Volid)];
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static string Json(JsonNode? data) => new JsonObject { ["data"] = data }.ToJsonString();

    private void Seed()
    {
        lock (_gate)
        {
            foreach (var node in _options.Nodes)
            {
                foreach (var storage in _options.Storages.Keys)
                {
                    Volumes(node, storage);
                }
            }
        }
    }

    private List<(string Volid, long Size, string Content)> Volumes(string node, string storage)
    {
        var key = node + "/" + storage;
        if (!_volumes.TryGetValue(key, out var list))
        {
            _volumes[key] = list = [];
        }

        return list;
    }

    private string NextMac()
    {
        var n = ++_macCounter;
        return string.Create(CultureInfo.InvariantCulture, $"BC:24:11:{(n >> 16) & 0xFF:X2}:{(n >> 8) & 0xFF:X2}:{n & 0xFF:X2}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var parameters = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        int status;
        string body;
        string? error = null;
        try
        {
            if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
            {
                throw new ProxmoxApiError(404, "Not Found: the API lives under /api2/json/");
            }

            path = path[ApiPrefix.Length..].TrimEnd('/');
            parameters = await ReadParametersAsync(request).ConfigureAwait(false);
            var user = Authenticate(request, path);
            var segments = path.Split('/').Select(Uri.UnescapeDataString).ToArray();
            var data = await DispatchAsync(request.Method, segments, parameters, user).ConfigureAwait(false);
            status = 200;
            body = Json(data);
        }
        catch (ProxmoxApiError e)
        {
            status = e.Status;
            error = e.Message;
            var answer = new JsonObject { ["data"] = null, ["message"] = e.Message + "\n" };
            if (e.Errors is { } errors)
            {
                answer["errors"] = new JsonObject(errors.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
            }

            body = answer.ToJsonString();
        }

        lock (_gate)
        {
            _requests.Add(new ProxmoxVERequestRecord(request.Method, path, parameters, status, error));
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }

    private static async Task<ImmutableSortedDictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (request.Method is "POST" or "PUT")
        {
            if (request.QueryString.HasValue)
            {
                throw new ProxmoxApiError(400, $"{request.Method} parameters must be sent form-encoded in the body, not in the query string");
            }

            if (hasBody)
            {
                if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
                {
                    throw new ProxmoxApiError(400, $"the body must be application/x-www-form-urlencoded (was {request.ContentType ?? "no content type"})");
                }

                var form = await request.ReadFormAsync().ConfigureAwait(false);
                foreach (var (key, value) in form)
                {
                    if (value.Count != 1)
                    {
                        throw ProxmoxApiError.Parameter(key, "parameter given more than once");
                    }

                    builder[key] = value.ToString();
                }
            }
        }
        else
        {
            if (hasBody)
            {
                throw new ProxmoxApiError(400, $"{request.Method} requests take their parameters in the query string, not in a body");
            }

            foreach (var (key, value) in request.Query)
            {
                builder[key] = value.ToString();
            }
        }

        return builder.ToImmutable();
    }

    private string Authenticate(HttpRequest request, string path)
    {
        if (path == "access/ticket" && request.Method == "POST")
        {
            return string.Empty;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var match = TokenHeaderPattern().Match(authorization);
            if (!match.Success)
            {
                throw new ProxmoxApiError(401, "authentication failure: the Authorization header must be 'PVEAPIToken=USER@REALM!TOKENID=UUID'");
            }

            if (match.Groups["id"].Value != _options.TokenId || match.Groups["secret"].Value != _options.TokenSecret)
            {
                throw new ProxmoxApiError(401, "authentication failure: invalid API token");
            }

            return _options.TokenId;
        }

        var cookie = request.Cookies["PVEAuthCookie"];
        if (cookie is null)
        {
            throw new ProxmoxApiError(401, "No ticket");
        }

        if (cookie != _ticket)
        {
            throw new ProxmoxApiError(401, "authentication failure: invalid ticket");
        }

        if (request.Method != "GET" && request.Headers["CSRFPreventionToken"].ToString() != _csrf)
        {
            throw new ProxmoxApiError(401, "Permission check failed (invalid csrf token)");
        }

        return _options.Username;
    }

    [GeneratedRegex(@"^PVEAPIToken=(?<id>[^\s@!=]+@[^\s@!=]+![^\s@!=]+)=(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex TokenHeaderPattern();

    private static JsonNode? Value(string text) => JsonValue.Create(text);

    private static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value)!;
}
