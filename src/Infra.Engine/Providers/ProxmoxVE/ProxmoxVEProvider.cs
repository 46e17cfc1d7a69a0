using System.Collections.Immutable;
using System.Net.Security;
using Infra.Engine.Planning;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// The built-in <c>proxmoxve</c> provider (8.x tokens) over the Proxmox VE REST API: VMs
/// (<c>index/vmLegacy:VmLegacy</c>), containers (<c>index/containerLegacy:ContainerLegacy</c>), downloaded files
/// (<c>download/file:File</c>) and uploaded files (<c>index/fileLegacy:FileLegacy</c>, Check and state only: uploads
/// need SSH). Every asynchronous call waits on its task (UPID) through the injected clock and reports progress.
/// Clones from one template or onto one storage are serialized provider-wide, lock timeouts retried with backoff,
/// and VM ids allocated without races. With an unknown configuration (preview) nothing is contacted.
/// </summary>
internal sealed class ProxmoxVEProvider : IResourceProvider
{
    /// <summary>The package name.</summary>
    public const string PackageName = "proxmoxve";

    /// <summary>The supported major version.</summary>
    public const int MajorVersion = 8;

    private readonly TimeProvider _timeProvider;
    private readonly HttpMessageHandler? _handler;
    private readonly ProxmoxVEProviderOptions _options;
    private readonly ProxmoxCoordinator _coordinator;
    private readonly ImmutableDictionary<string, IProxmoxResourceHandler> _handlers;
    private ProxmoxSession? _session;

    /// <summary>Creates a provider.</summary>
    /// <param name="timeProvider">The clock for task polling, backoff and agent waits.</param>
    /// <param name="handler">The HTTP handler (a test seam; by default a socket handler honouring <c>insecure</c>).</param>
    /// <param name="options">Tuning (poll intervals, retry delays).</param>
    public ProxmoxVEProvider(TimeProvider timeProvider, HttpMessageHandler? handler = null, ProxmoxVEProviderOptions? options = null)
        : this(timeProvider, handler, options ?? new ProxmoxVEProviderOptions(), null)
    {
    }

    private ProxmoxVEProvider(TimeProvider timeProvider, HttpMessageHandler? handler, ProxmoxVEProviderOptions options, ProxmoxCoordinator? coordinator)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _handler = handler;
        _options = options;
        _coordinator = coordinator ?? new ProxmoxCoordinator(options.ClonesPerTemplate);
        _handlers = new IProxmoxResourceHandler[]
        {
            new VirtualMachineHandler(), new ContainerHandler(), new DownloadFileHandler(), new StorageFileHandler(),
        }.ToImmutableDictionary(h => h.TypeToken, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <summary>
    /// A factory for the registry: each call gives a fresh instance (one per provider configuration) that shares
    /// this provider's clone gates and VM id reservations, so explicit and default providers never race each other.
    /// </summary>
    public ProviderFactory Factory => (package, version) =>
    {
        if (version is not null && !version.StartsWith(MajorVersion + ".", StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"The built-in proxmoxve provider implements version {MajorVersion}.x (tokens such as {VirtualMachineHandler.Token}); version {version} was requested.");
        }

        return new ProxmoxVEProvider(_timeProvider, _handler, _options, _coordinator);
    };

    private ProxmoxSession Session => _session ?? throw new InvalidOperationException("The proxmoxve provider was used before it was configured.");

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = ProxmoxProviderConfig.Parse(request.Config, _options.Environment);
        ProxmoxApiClient? client = null;
        if (config.IsKnown && config.Problems.IsEmpty)
        {
            var http = _handler is not null
                ? new HttpClient(_handler, disposeHandler: false)
                : new HttpClient(new SocketsHttpHandler
                {
                    SslOptions = config.Insecure ? InsecureTls() : new SslClientAuthenticationOptions(),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                });
            http.Timeout = TimeSpan.FromMinutes(5);
            client = new ProxmoxApiClient(http, config, _timeProvider, _options);
        }

        _session = new ProxmoxSession(config, client, _coordinator, _options, _timeProvider);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HandlerOf(request.Urn).CheckAsync(Session, request, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(HandlerOf(request.Urn).Diff(request));
    }

    /// <inheritdoc/>
    public Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HandlerOf(request.Urn).CreateAsync(Session, request, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HandlerOf(request.Urn).ReadAsync(Session, request, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HandlerOf(request.Urn).UpdateAsync(Session, request, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HandlerOf(request.Urn).DeleteAsync(Session, request, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new InvokeResult
        {
            Failures = [new CheckFailure(string.Empty, $"the built-in proxmoxve provider has no function '{request.Token}'")],
        });
    }

#pragma warning disable CA5359 // Only with the user's explicit `insecure: true` (self-signed Proxmox certificates).
    private static SslClientAuthenticationOptions InsecureTls() =>
        new() { RemoteCertificateValidationCallback = static (_, _, _, _) => true };
#pragma warning restore CA5359

    private IProxmoxResourceHandler HandlerOf(string urn)
    {
        var type = ResourceUrn.TypeOf(urn);
        return _handlers.TryGetValue(type, out var handler)
            ? handler
            : throw new NotSupportedException(
                $"The built-in proxmoxve provider does not implement '{type}'. Implemented: {string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal))}.");
    }
}
