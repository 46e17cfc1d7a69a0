using System.Collections.Concurrent;
using System.Collections.Immutable;
using Grpc.Core;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;

namespace Infra.Engine.Server;

/// <summary>
/// The server side of one program run (pulumi-protocol.md §3–4): turns each RegisterResource /
/// ReadResource into a goal, plans it with the <see cref="Planner"/>, executes the step through the
/// <see cref="StepExecutor"/> (whose observer saves the state after every step) and answers with the URN,
/// ID and outputs. Default providers are planned and applied once per package and version. Serves
/// Invoke, RegisterResourceOutputs, logs, SignalAndWaitForShutdown and GetDeploymentInfo. Thread-safe.
/// </summary>
internal sealed partial class MonitorSession
{
    private readonly MonitorSessionOptions _options;
    private readonly ImmutableSortedDictionary<string, PropertyValue> _configValues;
    private readonly ConcurrentDictionary<string, Registration> _registered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _defaultProviders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<string> _programErrors = new();
    private readonly CancellationToken _runToken;
    private int _shutdownSignalled;
    private int _errorLogs;
    private string _rootResource = string.Empty;
    private ImmutableSortedDictionary<string, PropertyValue>? _stackOutputs;

    public MonitorSession(MonitorSessionOptions options, CancellationToken runToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _configValues = options.ConfigValues;
        _runToken = runToken;
        StackUrn = ResourceUrn.Create(options.Stack, options.Project, null, WireConstants.StackType, $"{options.Project}-{options.Stack}");
    }

    /// <summary>The URN of the root stack resource.</summary>
    public string StackUrn { get; }

    /// <summary>The stack outputs the program registered, or null when it registered none.</summary>
    public ImmutableSortedDictionary<string, PropertyValue>? StackOutputs => Volatile.Read(ref _stackOutputs);

    /// <summary>Failures outside steps (planning errors, invalid providers), as "&lt;urn&gt;: &lt;message&gt;".</summary>
    public ImmutableArray<string> Failures => [.. _failures];

    /// <summary>The ERROR diagnostics the program logged, as "&lt;urn&gt;: &lt;message&gt;" (or the message alone).</summary>
    public ImmutableArray<string> ProgramErrors => [.. _programErrors];

    /// <summary>How many ERROR diagnostics the program logged.</summary>
    public int ErrorLogCount => Volatile.Read(ref _errorLogs);

    /// <summary>Whether the program called SignalAndWaitForShutdown.</summary>
    public bool ShutdownSignalled => Volatile.Read(ref _shutdownSignalled) == 1;

    /// <summary>The URNs registered or read in this run.</summary>
    public IReadOnlyCollection<string> RegisteredUrns => [.. _registered.Keys];

    /// <summary>Waits until every call that is being served has finished.</summary>
    public async Task DrainAsync()
    {
        while (!_inFlight.IsEmpty)
        {
            try
            {
                await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Each call reported its own failure to the program.
            }
        }
    }

    /// <summary>SupportsFeature: the current engine's table.</summary>
    public static bool SupportsFeature(string id) => SupportedFeatures.Supports(id);

    /// <summary>GetDeploymentInfo.</summary>
    public DeploymentInfo GetDeploymentInfo()
    {
        var info = new DeploymentInfo
        {
            Project = _options.Project,
            Stack = _options.Stack,
            Organization = _options.Organization,
            DryRun = _options.Preview,
            Parallel = _options.Parallel,
        };
        foreach (var (key, value) in _options.Config)
        {
            info.Config[key] = value;
        }

        info.ConfigSecretKeys.AddRange(_options.ConfigSecretKeys);
        info.SupportedFeatures.AddRange(SupportedFeatures.Table.Values.Order());
        return info;
    }

    /// <summary>Engine.Log: becomes a <see cref="DiagnosticEvent"/>.</summary>
    public async Task LogAsync(LogRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var severity = request.Severity switch
        {
            LogSeverity.Debug => DiagnosticSeverity.Debug,
            LogSeverity.Info => DiagnosticSeverity.Info,
            LogSeverity.Warning => DiagnosticSeverity.Warning,
            LogSeverity.Error => DiagnosticSeverity.Error,
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"Log: severity must be DEBUG, INFO, WARNING or ERROR (was {(int)request.Severity})")),
        };
        if (severity == DiagnosticSeverity.Error)
        {
            Interlocked.Increment(ref _errorLogs);
            _programErrors.Enqueue(request.Urn.Length == 0 ? request.Message : $"{request.Urn}: {request.Message}");
        }

        await _options.Events.EmitAsync(new DiagnosticEvent(severity, request.Message, request.Urn.Length == 0 ? null : request.Urn, request.Ephemeral))
            .ConfigureAwait(false);
    }

    /// <summary>Engine.GetRootResource.</summary>
    public string GetRootResource() => Volatile.Read(ref _rootResource);

    /// <summary>Engine.SetRootResource.</summary>
    public void SetRootResource(string urn) => Volatile.Write(ref _rootResource, urn ?? string.Empty);

    /// <summary>
    /// SignalAndWaitForShutdown: the program will register nothing more. Returns once every other call
    /// has been served; a second call is an error.
    /// </summary>
    public async Task SignalAndWaitForShutdownAsync()
    {
        if (Interlocked.Exchange(ref _shutdownSignalled, 1) == 1)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Already waiting for shutdown"));
        }

        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>RegisterResourceOutputs: stack outputs are kept for the end of the run; component outputs are saved.</summary>
    public Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TrackAsync(async () =>
        {
            if (!_registered.TryGetValue(request.Urn, out var registration))
            {
                throw new RpcException(new Status(
                    StatusCode.InvalidArgument,
                    $"RegisterResourceOutputs: resource '{request.Urn}' was not registered in this deployment"));
            }

            if (Interlocked.Exchange(ref registration.OutputsRegistered, 1) == 1)
            {
                throw new RpcException(new Status(
                    StatusCode.FailedPrecondition,
                    $"cannot complete a resource '{request.Urn}' whose registration isn't pending"));
            }

            var outputs = WireValues.Downgrade(StructEncoding.FromStruct(request.Outputs));
            if (request.Urn == StackUrn)
            {
                Volatile.Write(ref _stackOutputs, outputs);
            }
            else if (!_options.Preview)
            {
                await _options.Recorder.RecordOutputsAsync(request.Urn, outputs).ConfigureAwait(false);
            }

            return true;
        });
    }

    private async Task<T> TrackAsync<T>(Func<Task<T>> call)
    {
        if (_runToken.IsCancellationRequested)
        {
            throw ShuttingDown();
        }

        var task = call();
        _inFlight.TryAdd(task, 0);
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(task, out _);
        }
    }

    private static RpcException ShuttingDown() =>
        new(new Status(StatusCode.Unavailable, "resource monitor shut down while waiting on step's done channel: the run was cancelled"));

    private async Task ReportFailureAsync(string? urn, string message)
    {
        _failures.Enqueue(urn is null ? message : $"{urn}: {message}");
        await _options.Events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, message, urn)).ConfigureAwait(false);
    }

    /// <summary>What the session remembers of each registration.</summary>
    private sealed class Registration(string urn, bool custom, ImmutableSortedDictionary<string, string> providers, string? parent)
    {
        public int OutputsRegistered;

        public string Urn { get; } = urn;

        public bool Custom { get; } = custom;

        /// <summary>Package to provider reference, inherited by children (components' <c>providers</c> map merged with the parent's).</summary>
        public ImmutableSortedDictionary<string, string> Providers { get; } = providers;

        public string? Parent { get; } = parent;
    }
}
