using System.Collections.Immutable;
using Infra.Engine.Secrets;

namespace Infra.Engine.State;

/// <summary>
/// One non-preview operation on a stack, holding its lock. Every change goes through it and is saved
/// at once (atomically, with <c>.json.bak</c>): a provider call that mutates a resource is recorded
/// as pending <em>before</em> it starts (<see cref="BeginOperationAsync"/>) and cleared after
/// (<see cref="CompleteOperationAsync"/>), so a crash leaves evidence in <c>pending_operations</c>.
/// Changes are serialized, so steps running in parallel may call it concurrently.
/// </summary>
internal sealed class StackUpdateSession : IAsyncDisposable
{
    private readonly LocalBackend _backend;
    private readonly ISecretsCrypter? _crypter;
    private readonly StackLock _lock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _queueGate = new();
    private List<PendingChange> _queue = [];
    private bool _finished;

    internal StackUpdateSession(
        LocalBackend backend,
        StackReference stack,
        UpdateKind kind,
        ISecretsCrypter? crypter,
        StackLock stackLock,
        StackSnapshot snapshot,
        DateTimeOffset startTime)
    {
        _backend = backend;
        Stack = stack;
        Kind = kind;
        _crypter = crypter;
        _lock = stackLock;
        Snapshot = snapshot;
        StartTime = startTime;
        InterruptedOperations = snapshot.PendingOperations.IsDefault ? [] : snapshot.PendingOperations;
    }

    public StackReference Stack { get; }

    public UpdateKind Kind { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>The snapshot as last saved.</summary>
    public StackSnapshot Snapshot { get; private set; }

    /// <summary>
    /// Operations left pending by a previous, interrupted run (warn with <see cref="PendingOperation.Describe"/>).
    /// They stay in the snapshot until the engine removes them (e.g. after a refresh).
    /// </summary>
    public ImmutableArray<PendingOperation> InterruptedOperations { get; }

    /// <summary>Records <paramref name="type"/> on <paramref name="resource"/> as pending and saves, before the provider is called.</summary>
    public async Task<PendingOperation> BeginOperationAsync(
        ResourceState resource,
        PendingOperationType type,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var operation = new PendingOperation(resource, type);
        await UpdateAsync(snapshot => snapshot.WithPendingOperation(operation), cancellationToken).ConfigureAwait(false);
        return operation;
    }

    /// <summary>
    /// Clears a pending operation once the provider call returned (successfully or not) and, in the same
    /// save, applies its outcome to the resources (e.g. <c>s =&gt; s.WithResource(created)</c>).
    /// </summary>
    public Task CompleteOperationAsync(
        PendingOperation operation,
        Func<StackSnapshot, StackSnapshot>? apply = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return UpdateAsync(
            snapshot =>
            {
                var cleared = snapshot.WithoutPendingOperation(operation);
                return apply is null ? cleared : apply(cleared);
            },
            cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the snapshot and saves the result (integrity-checked; nothing changes if the save fails).
    /// Changes that arrive while a save is under way are applied in arrival order and written together by
    /// the next save (group commit); each call returns only once a save that contains its change succeeded.
    /// </summary>
    public async Task UpdateAsync(Func<StackSnapshot, StackSnapshot> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var pending = new PendingChange(change);
        lock (_queueGate)
        {
            _queue.Add(pending);
        }

        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_queueGate)
            {
                if (_queue.Remove(pending))
                {
                    throw;
                }
            }

            // Another caller already took the change into its save: report that save's outcome.
            await pending.Done.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            // When a save that ran while this caller waited for the gate already took its change, there is
            // nothing to wait for (in particular no coalescing delay).
            if (!pending.Done.Task.IsCompleted)
            {
                await _backend.CoalesceSavesAsync().ConfigureAwait(false);
                List<PendingChange> batch;
                lock (_queueGate)
                {
                    batch = _queue;
                    _queue = [];
                }

                if (batch.Count > 0)
                {
                    await SaveBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        await pending.Done.Task.ConfigureAwait(false);
    }

    private async Task SaveBatchAsync(List<PendingChange> batch, CancellationToken cancellationToken)
    {
        if (_finished)
        {
            var disposed = new ObjectDisposedException(nameof(StackUpdateSession));
            batch.ForEach(p => p.Done.TrySetException(disposed));
            return;
        }

        var next = Snapshot;
        var applied = new List<PendingChange>(batch.Count);
        foreach (var pending in batch)
        {
            try
            {
                next = pending.Change(next);
                applied.Add(pending);
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }

        if (applied.Count == 0)
        {
            return;
        }

        // Changes may add or replace resources anywhere; the file keeps dependency order. Sorting once per
        // batch (linear when already in order) instead of once per change keeps large batches cheap.
        next = next with { Resources = ResourceOrdering.Sort(next.Resources) };

        try
        {
            await _backend.SaveAsync(Stack, next, _crypter, cancellationToken).ConfigureAwait(false);
            Snapshot = next;
            applied.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception ex)
        {
            applied.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    /// <summary>
    /// Ends the operation: writes the backup and history entry (kind, times, result, resource changes)
    /// and releases the lock.
    /// </summary>
    public async Task FinishAsync(
        UpdateResult result,
        IReadOnlyDictionary<string, int>? resourceChanges = null,
        string message = "",
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_finished, this);
            _finished = true;
            var record = new UpdateRecord
            {
                Kind = Kind,
                StartTime = StartTime,
                EndTime = _backend.Now(),
                Result = result,
                Message = message,
                ResourceChanges = (resourceChanges ?? new Dictionary<string, int>())
                    .ToImmutableSortedDictionary(StringComparer.Ordinal),
            };
            try
            {
                await _backend.RecordOperationAsync(Stack, record, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class PendingChange(Func<StackSnapshot, StackSnapshot> change)
    {
        public Func<StackSnapshot, StackSnapshot> Change { get; } = change;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Releases the lock if <see cref="FinishAsync"/> was not called (nothing is recorded).</summary>
    public ValueTask DisposeAsync()
    {
        _finished = true;
        _lock.Release();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
