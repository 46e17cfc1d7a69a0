using System.Globalization;
using System.Net;
using System.Text.Json;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// A strict, in-process fake of the Pulumi engine's gRPC side: <c>pulumirpc.ResourceMonitor</c> and
/// <c>pulumirpc.Engine</c> over plaintext HTTP/2 on 127.0.0.1. It answers like the real engine where a
/// program can observe it, checks every request field by field against pulumi-protocol.md and records
/// each problem as a <see cref="Violation"/>.
/// </summary>
public sealed class StrictEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EngineState _state;
    private int _monitorPort;
    private int _enginePort;
    private int _disposed;

    private StrictEngine(WebApplication app, EngineState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The options the engine runs with.</summary>
    public StrictEngineOptions Options => _state.Options;

    /// <summary>The ResourceMonitor endpoint, <c>127.0.0.1:&lt;port&gt;</c> (for <c>PULUMI_MONITOR</c>).</summary>
    public string MonitorAddress => $"127.0.0.1:{_monitorPort}";

    /// <summary>The Engine endpoint, <c>127.0.0.1:&lt;port&gt;</c> (for <c>PULUMI_ENGINE</c>).</summary>
    public string EngineAddress => $"127.0.0.1:{_enginePort}";

    /// <summary>The URN of the root stack for the configured project and stack.</summary>
    public string StackUrn => Options.StackUrn;

    /// <summary>Every request, in arrival order, typed.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests;

    /// <summary>Every protocol violation seen so far.</summary>
    public IReadOnlyList<Violation> Violations => _state.Violations;

    /// <summary>Every accepted <c>Log</c> request, in arrival order.</summary>
    public IReadOnlyList<LogRequest> Logs => _state.Logs;

    /// <summary>Every resource registered or read, in registration order.</summary>
    public IReadOnlyList<RegisteredResource> Resources => _state.Resources;

    /// <summary>The features the program probed and the answers it got.</summary>
    public IReadOnlyDictionary<string, bool> ProbedFeatures => _state.ProbedFeatures;

    /// <summary>Whether <c>SignalAndWaitForShutdown</c> was received.</summary>
    public bool ShutdownSignalled
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.ShutdownSignalled;
            }
        }
    }

    /// <summary>The <c>RegisterResource</c> requests, in arrival order.</summary>
    public IReadOnlyList<RegisterResourceRequest> Registrations => RequestsOf<RegisterResourceRequest>();

    /// <summary>Starts the engine on two ephemeral loopback ports.</summary>
    /// <param name="options">The behaviour; null uses the defaults (project <c>proj</c>, stack <c>dev</c>, preview, current CLI).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StrictEngine> StartAsync(StrictEngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new EngineState(options ?? new StrictEngineOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = WireConstants.MaxMessageSize;
            grpc.MaxSendMessageSize = WireConstants.MaxMessageSize;
            grpc.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<StrictResourceMonitor>();
        builder.Services.AddSingleton<StrictEngineService>();

        var app = builder.Build();
        var engine = new StrictEngine(app, state);
        var checks = new TransportChecks(state, () => (engine._monitorPort, engine._enginePort));
        app.Use(checks.InvokeAsync);
        app.MapGrpcService<StrictResourceMonitor>();
        app.MapGrpcService<StrictEngineService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address).Port)
            .Order()
            .ToArray();
        if (ports.Length != 2)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The strict engine expected two listening ports but got {ports.Length}.");
        }

        engine._monitorPort = ports[0];
        engine._enginePort = ports[1];
        return engine;
    }

    /// <summary>The requests of one message type, in arrival order.</summary>
    /// <typeparam name="T">The request message type, e.g. <c>LogRequest</c>.</typeparam>
    public IReadOnlyList<T> RequestsOf<T>()
        where T : Google.Protobuf.IMessage => [.. Requests.Select(r => r.Message).OfType<T>()];

    /// <summary>The RPC names in arrival order, e.g. <c>SupportsFeature</c>, <c>RegisterResource</c>.</summary>
    public IReadOnlyList<string> RpcSequence() => [.. Requests.Select(r => r.Rpc)];

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived (no polling, no timeouts).</summary>
    /// <param name="count">The number of requests to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default) =>
        _state.WaitForRequestsAsync(count, cancellationToken);

    /// <summary>Fails the test with every violation listed when there is any.</summary>
    public void AssertNoViolations()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            Assert.Fail($"The strict engine saw {violations.Count} protocol violation(s):{Environment.NewLine}"
                + string.Join(Environment.NewLine, violations.Select(v => "  - " + v.Message)));
        }
    }

    /// <summary>
    /// The <c>PULUMI_*</c> environment the language host gives the program (pulumi-protocol.md §1.3) for the
    /// configured project, stack and dry-run; variables with empty values are left out.
    /// </summary>
    public IReadOnlyDictionary<string, string> GetProgramEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PULUMI_MONITOR"] = MonitorAddress,
            ["PULUMI_ENGINE"] = EngineAddress,
            ["PULUMI_PROJECT"] = Options.Project,
            ["PULUMI_STACK"] = Options.Stack,
            ["PULUMI_ORGANIZATION"] = Options.Organization,
            ["PULUMI_DRY_RUN"] = Options.IsPreview ? "true" : "false",
            ["PULUMI_QUERY_MODE"] = "false",
            ["PULUMI_PARALLEL"] = Options.Parallel.ToString(CultureInfo.InvariantCulture),
            ["PULUMI_CONFIG_SECRET_KEYS"] = JsonSerializer.Serialize(Options.ConfigSecretKeys.Order(StringComparer.Ordinal).ToArray()),
            ["PULUMI_ATTACH_DEBUGGER"] = "false",
        };
        if (Options.Config.Count > 0)
        {
            environment["PULUMI_CONFIG"] = JsonSerializer.Serialize(new SortedDictionary<string, string>(Options.Config, StringComparer.Ordinal));
        }

        if (!string.IsNullOrEmpty(Options.ProgramDirectory))
        {
            environment["PULUMI_PWD"] = Options.ProgramDirectory;
            environment["PULUMI_ROOT_DIRECTORY"] = Options.ProgramDirectory;
        }

        return environment.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _state.Stop();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }
}
