using Google.Protobuf;
using Grpc.Core;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// The memory shared by the two fake services: every request, violation and log, the registered
/// resources and the shutdown state. Every member is thread-safe; compound steps take <see cref="Gate"/>.
/// </summary>
internal sealed class EngineState(StrictEngineOptions options) : IDisposable
{
    /// <summary>Key of the <c>HttpContext.Items</c> entry set when a request came to the other service's address.</summary>
    public const string WrongAddressItemKey = "Infra.StrictEngine.WrongAddress";

    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Violation> _violations = [];
    private readonly List<LogRequest> _logs = [];
    private readonly List<RegisteredResource> _resources = [];
    private readonly Dictionary<string, RegisteredResource> _byUrn = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completedOutputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _probed = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _inFlight;

    public object Gate { get; } = new();

    public StrictEngineOptions Options { get; } = options;

    /// <summary>Cancelled when the engine is disposed, so injected delays end instead of blocking the host's stop.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public bool ShutdownSignalled { get; set; }

    public string? RootResource { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (Gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<Violation> Violations
    {
        get
        {
            lock (Gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<LogRequest> Logs
    {
        get
        {
            lock (Gate)
            {
                return [.. _logs];
            }
        }
    }

    public IReadOnlyList<RegisteredResource> Resources
    {
        get
        {
            lock (Gate)
            {
                return [.. _resources];
            }
        }
    }

    public IReadOnlyDictionary<string, bool> ProbedFeatures
    {
        get
        {
            lock (Gate)
            {
                return new Dictionary<string, bool>(_probed, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The number of requests in flight (callers hold <see cref="Gate"/>).</summary>
    public int InFlight => _inFlight;

    public bool StackRegistered => _byUrn.ContainsKey(Options.StackUrn);

    public bool StackOutputsRegistered => _completedOutputs.Contains(Options.StackUrn);

    /// <summary>
    /// Records an arriving request, flags transport-level problems found by the middleware and requests
    /// after shutdown, and marks it in flight. Throws the RPC error the real engine would give for a
    /// request sent to the other service's address.
    /// </summary>
    public CallScope Begin(string service, string rpc, IMessage message, ServerCallContext context, string subject = "-")
    {
        RecordedRequest recorded;
        List<TaskCompletionSource> released = [];
        lock (Gate)
        {
            recorded = new RecordedRequest(_requests.Count, service, rpc, message);
            _requests.Add(recorded);
            _inFlight++;
            if (ShutdownSignalled)
            {
                _violations.Add(new Violation(rpc, subject, "request", "every request must arrive before SignalAndWaitForShutdown", $"request #{recorded.Sequence}"));
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_requests.Count >= _waiters[i].Count)
                {
                    released.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in released)
        {
            done.TrySetResult();
        }

        var scope = new CallScope(this, recorded);
        var items = context.GetHttpContext().Items;
        if (items.TryGetValue(WrongAddressItemKey, out var wrong) && wrong is string expected)
        {
            scope.Dispose();
            throw new RpcException(new Status(StatusCode.Unimplemented, $"unknown service pulumirpc.{service}: it is served at {expected}"));
        }

        return scope;
    }

    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();

    public void EndCall()
    {
        lock (Gate)
        {
            _inFlight--;
        }
    }

    public void AddViolation(Violation violation)
    {
        lock (Gate)
        {
            _violations.Add(violation);
        }
    }

    public void AddViolations(IEnumerable<Violation> violations)
    {
        lock (Gate)
        {
            _violations.AddRange(violations);
        }
    }

    public void AddLog(LogRequest log)
    {
        lock (Gate)
        {
            _logs.Add(log);
        }
    }

    public void RecordProbe(string feature, bool answer)
    {
        lock (Gate)
        {
            _probed[feature] = answer;
        }
    }

    /// <summary>Whether the program asked <c>SupportsFeature(feature)</c> and got true (callers hold <see cref="Gate"/>).</summary>
    public bool ProbedTrue(string feature) => _probed.TryGetValue(feature, out var answer) && answer;

    /// <summary>Looks up a registered resource (callers hold <see cref="Gate"/>).</summary>
    public RegisteredResource? Find(string urn) => _byUrn.GetValueOrDefault(urn);

    /// <summary>Whether the URN is registered (callers hold <see cref="Gate"/>).</summary>
    public bool IsRegistered(string urn) => _byUrn.ContainsKey(urn);

    /// <summary>Adds a resource (callers hold <see cref="Gate"/> and checked for duplicates).</summary>
    public void Add(RegisteredResource resource)
    {
        _byUrn.Add(resource.Urn, resource);
        _resources.Add(resource);
    }

    /// <summary>Marks the outputs of a URN as registered; false when they already were (callers hold <see cref="Gate"/>).</summary>
    public bool CompleteOutputs(string urn) => _completedOutputs.Add(urn);

    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (Gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }
}
