using System.Collections.Immutable;
using System.Globalization;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Test;

/// <summary>
/// The provider of package <c>test</c>, shipped for the engine's own tests and benchmarks. It keeps
/// resources in memory and lets a test shape its behaviour: a delay per operation (through the injected
/// <see cref="TimeProvider"/>), failures by URN and operation, check failures, drift for refresh,
/// properties whose change forces a replacement (<c>forceNew</c> by default), types for which it demands
/// delete-before-replace, and a hook that runs inside every Create/Read/Update/Delete (to build gates).
/// Every call is recorded, and the peak number of concurrent Create/Read/Update/Delete calls is tracked.
/// </summary>
/// <remarks>
/// Outputs are the inputs plus <c>computed</c> (<c>"computed-&lt;id&gt;"</c>, unknown in preview); resources of type
/// <see cref="SecretType"/> also get a secret output <c>secret</c>. IDs are <c>&lt;name&gt;-&lt;n&gt;</c>.
/// Functions: <c>test:index:echo</c> returns its arguments, <c>test:index:fail</c> fails.
/// </remarks>
internal sealed class TestProvider : IResourceProvider
{
    /// <summary>The package name.</summary>
    public const string PackageName = "test";

    /// <summary>A plain resource type of this package.</summary>
    public const string ResourceType = "test:index:Resource";

    /// <summary>A resource type whose outputs include a secret <c>secret</c>.</summary>
    public const string SecretType = "test:index:Secret";

    /// <summary>The output every resource computes.</summary>
    public const string ComputedKey = "computed";

    /// <summary>The provider configuration that delays every Create/Update/Delete by this many milliseconds.</summary>
    public const string MutationDelayKey = "mutationDelayMs";

    /// <summary>The secret output of <see cref="SecretType"/>.</summary>
    public const string SecretKey = "secret";

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, TestResource> _resources = new(StringComparer.Ordinal);
    private readonly List<TestProviderCall> _calls = [];
    private readonly Dictionary<ProviderOperation, TimeSpan> _delays = [];
    private readonly Dictionary<(string Urn, ProviderOperation Operation), string> _failures = [];
    private readonly Dictionary<string, List<CheckFailure>> _checkFailures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forceNewKeys = new(StringComparer.Ordinal) { "forceNew" };
    private readonly HashSet<string> _deleteBeforeReplaceTypes = new(StringComparer.Ordinal);
    private long _sequence;
    private long _nextId;
    private int _current;
    private int _max;

    /// <summary>Creates a test provider; delays use <paramref name="timeProvider"/> (the system clock by default).</summary>
    public TestProvider(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <summary>The last configuration received (null until configured).</summary>
    public ImmutableSortedDictionary<string, PropertyValue>? Configuration { get; private set; }

    /// <summary>Runs inside every Create/Read/Update/Delete, after it is counted as in flight and before its delay.</summary>
    public Func<TestProviderCall, CancellationToken, Task>? OnCall { get; set; }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<TestProviderCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The resources that currently exist, by ID.</summary>
    public IReadOnlyDictionary<string, TestResource> Resources
    {
        get
        {
            lock (_gate)
            {
                return _resources.ToImmutableSortedDictionary(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>How many Create/Read/Update/Delete calls are running now.</summary>
    public int CurrentConcurrency => Volatile.Read(ref _current);

    /// <summary>The most Create/Read/Update/Delete calls that ever ran at once.</summary>
    public int MaxConcurrency => Volatile.Read(ref _max);

    /// <summary>A factory that always hands out this instance (so a test can observe it).</summary>
    public ProviderFactory Factory => (_, _) => this;

    /// <summary>Delays every call of <paramref name="operation"/> by <paramref name="delay"/>.</summary>
    public void SetDelay(ProviderOperation operation, TimeSpan delay)
    {
        lock (_gate)
        {
            _delays[operation] = delay;
        }
    }

    /// <summary>Makes <paramref name="operation"/> on <paramref name="urn"/> throw.</summary>
    public void FailOn(string urn, ProviderOperation operation, string message = "injected failure")
    {
        lock (_gate)
        {
            _failures[(urn, operation)] = message;
        }
    }

    /// <summary>Makes Check of <paramref name="urn"/> report a failure for <paramref name="property"/>.</summary>
    public void InjectCheckFailure(string urn, string property, string reason)
    {
        lock (_gate)
        {
            if (!_checkFailures.TryGetValue(urn, out var list))
            {
                _checkFailures[urn] = list = [];
            }

            list.Add(new CheckFailure(property, reason));
        }
    }

    /// <summary>Declares a property name whose change forces a replacement (besides <c>forceNew</c>).</summary>
    public void AddForceNewKey(string key)
    {
        lock (_gate)
        {
            _forceNewKeys.Add(key);
        }
    }

    /// <summary>Makes Diff demand delete-before-replace for resources of <paramref name="type"/>.</summary>
    public void RequireDeleteBeforeReplace(string type)
    {
        lock (_gate)
        {
            _deleteBeforeReplaceTypes.Add(type);
        }
    }

    /// <summary>Changes the live state of <paramref name="urn"/> behind the engine's back (null removes the key).</summary>
    public void InjectDrift(string urn, string key, PropertyValue? value)
    {
        lock (_gate)
        {
            var resource = _resources.Values.Single(r => r.Urn == urn);
            var inputs = value is null ? resource.Inputs.Remove(key) : resource.Inputs.SetItem(key, value);
            var outputs = value is null ? resource.Outputs.Remove(key) : resource.Outputs.SetItem(key, value);
            _resources[resource.Id] = resource with { Inputs = inputs, Outputs = outputs };
        }
    }

    /// <summary>Deletes <paramref name="urn"/> behind the engine's back.</summary>
    public void RemoveOutOfBand(string urn)
    {
        lock (_gate)
        {
            var resource = _resources.Values.Single(r => r.Urn == urn);
            _resources.Remove(resource.Id);
        }
    }

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Record(ProviderOperation.Configure, null, null, request.Preview);
        Configuration = request.Config;
        if (MutationDelayOf(request.Config) is { } delay)
        {
            SetDelay(ProviderOperation.Create, delay);
            SetDelay(ProviderOperation.Update, delay);
            SetDelay(ProviderOperation.Delete, delay);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Check, request.Urn, null, false);
        await DelayAndMaybeFailAsync(call, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var failures = _checkFailures.TryGetValue(request.Urn, out var list) ? list.ToImmutableArray() : [];
            return new CheckResult { Inputs = PropertyMaps.Ordinal(request.News), Failures = failures };
        }
    }

    /// <inheritdoc/>
    public async Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Diff, request.Urn, request.Id, false);
        await DelayAndMaybeFailAsync(call, cancellationToken).ConfigureAwait(false);
        var changes = PropertyMaps.Compare(request.OldInputs, request.NewInputs);
        lock (_gate)
        {
            var replaceKeys = changes.Keys.Where(_forceNewKeys.Contains).ToImmutableArray();
            var detailed = changes.ToImmutableSortedDictionary(
                p => p.Key,
                p => new PropertyDiff(_forceNewKeys.Contains(p.Key) ? ToReplace(p.Value) : p.Value),
                StringComparer.Ordinal);
            return new DiffResult
            {
                Changes = changes.IsEmpty ? DiffChanges.None : DiffChanges.Some,
                ChangedKeys = [.. changes.Keys],
                ReplaceKeys = replaceKeys,
                DeleteBeforeReplace = _deleteBeforeReplaceTypes.Contains(ResourceUrn.TypeOf(request.Urn)),
                DetailedDiff = detailed,
            };
        }
    }

    /// <inheritdoc/>
    public async Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Create, request.Urn, null, request.Preview, request.Progress);
        return await InFlightAsync(call, () =>
        {
            if (request.Preview)
            {
                return new CreateResult { Id = null, Outputs = ComputeOutputs(request.Urn, null, request.Inputs) };
            }

            lock (_gate)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{ResourceUrn.NameOf(request.Urn)}-{++_nextId}");
                var outputs = ComputeOutputs(request.Urn, id, request.Inputs);
                _resources[id] = new TestResource(id, request.Urn, request.Inputs, outputs);
                return new CreateResult { Id = id, Outputs = outputs };
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Read, request.Urn, request.Id, false, request.Progress);
        return await InFlightAsync(call, () =>
        {
            lock (_gate)
            {
                return _resources.TryGetValue(request.Id, out var resource)
                    ? new ReadResult { Id = resource.Id, Inputs = resource.Inputs, Outputs = resource.Outputs }
                    : ReadResult.Gone;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Update, request.Urn, request.Id, request.Preview, request.Progress);
        return await InFlightAsync(call, () =>
        {
            var outputs = ComputeOutputs(request.Urn, request.Preview ? null : request.Id, request.NewInputs);
            if (request.Preview)
            {
                return new UpdateResult { Outputs = outputs };
            }

            lock (_gate)
            {
                if (!_resources.ContainsKey(request.Id))
                {
                    throw new InvalidOperationException($"Update of '{request.Urn}' failed: resource '{request.Id}' does not exist.");
                }

                _resources[request.Id] = new TestResource(request.Id, request.Urn, request.NewInputs, outputs);
                return new UpdateResult { Outputs = outputs };
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Delete, request.Urn, request.Id, false, request.Progress);
        await InFlightAsync(call, () =>
        {
            lock (_gate)
            {
                return _resources.Remove(request.Id);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Record(ProviderOperation.Invoke, null, null, false);
        await DelayAndMaybeFailAsync(call, cancellationToken).ConfigureAwait(false);
        return request.Token switch
        {
            "test:index:echo" => new InvokeResult { Return = request.Args },
            "test:index:fail" => new InvokeResult { Failures = [new CheckFailure("args", "the function was asked to fail")] },
            _ => new InvokeResult { Failures = [new CheckFailure(string.Empty, $"unknown function '{request.Token}' in package 'test'")] },
        };
    }

    private static PropertyDiffKind ToReplace(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => PropertyDiffKind.AddReplace,
        PropertyDiffKind.Delete => PropertyDiffKind.DeleteReplace,
        _ => PropertyDiffKind.UpdateReplace,
    };

    private static ImmutableSortedDictionary<string, PropertyValue> ComputeOutputs(
        string urn,
        string? id,
        ImmutableSortedDictionary<string, PropertyValue> inputs)
    {
        var outputs = PropertyMaps.Ordinal(inputs)
            .SetItem(ComputedKey, id is null ? PropertyValue.Unknown : PropertyValue.Create("computed-" + id));
        if (ResourceUrn.TypeOf(urn) == SecretType)
        {
            outputs = outputs.SetItem(
                SecretKey,
                PropertyValue.CreateSecret(id is null ? PropertyValue.Unknown : PropertyValue.Create("s3cr3t-" + id)));
        }

        return outputs;
    }

    private TestProviderCall Record(ProviderOperation operation, string? urn, string? id, bool preview, IProgress<string>? progress = null)
    {
        lock (_gate)
        {
            var call = new TestProviderCall(++_sequence, operation, urn, id, preview) { Progress = progress };
            _calls.Add(call);
            return call;
        }
    }

    private async Task<T> InFlightAsync<T>(TestProviderCall call, Func<T> body, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        try
        {
            if (OnCall is { } hook)
            {
                await hook(call, cancellationToken).ConfigureAwait(false);
            }

            await DelayAndMaybeFailAsync(call, cancellationToken).ConfigureAwait(false);
            return body();
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }

    /// <summary>
    /// The <c>mutationDelayMs</c> configuration (stack config <c>test:mutationDelayMs</c>): how long every
    /// Create/Update/Delete takes, so a real <c>infra up</c> can be interrupted while steps are in flight.
    /// </summary>
    private static TimeSpan? MutationDelayOf(ImmutableSortedDictionary<string, PropertyValue> config)
    {
        if (!config.TryGetValue(MutationDelayKey, out var value))
        {
            return null;
        }

        var plain = value.WithoutSecrets();
        double? milliseconds = plain.Kind switch
        {
            PropertyValueKind.Number => plain.NumberValue,
            PropertyValueKind.String when double.TryParse(plain.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return milliseconds is >= 0 and <= 3_600_000
            ? TimeSpan.FromMilliseconds(milliseconds.Value)
            : throw new ArgumentException($"test:{MutationDelayKey}: must be a number of milliseconds between 0 and 3600000 (was {plain}).");
    }

    private async Task DelayAndMaybeFailAsync(TestProviderCall call, CancellationToken cancellationToken)
    {
        TimeSpan delay;
        string? failure;
        lock (_gate)
        {
            delay = _delays.GetValueOrDefault(call.Operation);
            failure = call.Urn is null ? null : _failures.GetValueOrDefault((call.Urn, call.Operation));
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
