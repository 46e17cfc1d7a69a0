using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Deployments;

/// <summary>
/// The executor's observer for a run: records each mutation as a pending operation before the provider
/// is called, saves the outcome of every step (clearing its pending operations in the same save, with the
/// resources kept in dependency order), and reports <see cref="ResourceStepEvent"/>s. In preview there is no
/// session and nothing is written.
/// </summary>
internal sealed class StepRecorder(StackUpdateSession? session, EventSink events, TimeProvider timeProvider) : IStepObserver
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<PendingOperation>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Step, long> _started = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<StepResult> _deferred = new();

    /// <inheritdoc/>
    public async Task BeforeStepAsync(Step step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        _started[step] = timeProvider.GetTimestamp();
        await events.EmitAsync(StepEvents.Create(step, StepPhase.Started)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void OnProgress(Step step, string message)
    {
        ArgumentNullException.ThrowIfNull(step);
        _ = events.EmitAsync(StepEvents.Progress(step, message)).AsTask();
    }

    /// <inheritdoc/>
    public async Task BeforeMutationAsync(PendingOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (session is null)
        {
            return;
        }

        var recorded = await session.BeginOperationAsync(operation.Resource, operation.Type, CancellationToken.None).ConfigureAwait(false);
        _pending.GetOrAdd(operation.Resource.Urn, _ => new ConcurrentQueue<PendingOperation>()).Enqueue(recorded);
    }

    /// <inheritdoc/>
    public async Task AbandonMutationAsync(PendingOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (session is null || !_pending.TryRemove(operation.Resource.Urn, out var queue))
        {
            return;
        }

        await session.UpdateAsync(
            snapshot =>
            {
                foreach (var recorded in queue)
                {
                    snapshot = snapshot.WithoutPendingOperation(recorded);
                }

                return snapshot;
            },
            CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task AfterStepAsync(StepResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            if (session is not null)
            {
                var operations = new List<PendingOperation>();
                if (_pending.TryRemove(result.Step.Urn, out var queue))
                {
                    operations.AddRange(queue);
                }

                if (result.Status == StepStatus.Succeeded && result.Step.Kind == StepKind.Same && operations.Count == 0)
                {
                    // Nothing real changed: carried into the next save (or the final flush) instead of a write per resource.
                    _deferred.Enqueue(result);
                }
                else
                {
                    await session.UpdateAsync(
                        snapshot =>
                        {
                            snapshot = ApplyDeferred(snapshot);
                            foreach (var operation in operations)
                            {
                                snapshot = snapshot.WithoutPendingOperation(operation);
                            }

                            // The session sorts the resources once per save.
                            return result.Status == StepStatus.Succeeded || result.New is { PendingReplacement: true } ? ApplyUnsorted(snapshot, result) : snapshot;
                        },
                        CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            TimeSpan? elapsed = _started.TryRemove(result.Step, out var start) ? timeProvider.GetElapsedTime(start) : null;
            var phase = result.Status == StepStatus.Succeeded ? StepPhase.Succeeded : StepPhase.Failed;
            await events.EmitAsync(StepEvents.Create(result.Step, phase, result) with { Elapsed = elapsed }).ConfigureAwait(false);
        }
    }

    /// <summary>Saves the unchanged (same) steps not written yet; call before the run finishes.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        session is null || _deferred.IsEmpty ? Task.CompletedTask : session.UpdateAsync(ApplyDeferred, cancellationToken);

    /// <summary>Saves the outputs a component (or other resource) registered with RegisterResourceOutputs.</summary>
    public Task RecordOutputsAsync(string urn, ImmutableSortedDictionary<string, PropertyValue> outputs, CancellationToken cancellationToken = default)
    {
        if (session is null)
        {
            return Task.CompletedTask;
        }

        return session.UpdateAsync(
            snapshot =>
            {
                snapshot = ApplyDeferred(snapshot);
                var resource = snapshot.Resources.FirstOrDefault(r => r.Urn == urn && !r.Delete);
                return resource is null ? snapshot : snapshot.WithResource(resource with { Outputs = PropertyMaps.Ordinal(outputs) });
            },
            cancellationToken);
    }

    private StackSnapshot ApplyDeferred(StackSnapshot snapshot)
    {
        while (_deferred.TryDequeue(out var same))
        {
            snapshot = ApplyUnsorted(snapshot, same);
        }

        // The session sorts the resources once per save.
        return snapshot;
    }

    /// <summary>Applies a succeeded step: replace in place when the URN stays, else remove the old and add the new; then re-sort.</summary>
    internal static StackSnapshot Apply(StackSnapshot snapshot, StepResult result)
    {
        snapshot = ApplyUnsorted(snapshot, result);
        return snapshot with { Resources = ResourceOrdering.Sort(snapshot.Resources) };
    }

    private static StackSnapshot ApplyUnsorted(StackSnapshot snapshot, StepResult result)
    {
        var old = result.Old;
        var created = result.New;
        if (old is not null && (created is null || created.Urn != old.Urn || created.Delete != old.Delete))
        {
            snapshot = snapshot.WithoutResource(old.Urn, old.Delete);
        }

        if (result.Retired is { } retired)
        {
            snapshot = snapshot.WithResource(retired);
        }

        if (created is not null)
        {
            snapshot = snapshot.WithResource(created);
        }

        return snapshot;
    }
}
