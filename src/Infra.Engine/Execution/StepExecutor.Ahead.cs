using Infra.Engine.Planning;
using Infra.Engine.State;

namespace Infra.Engine.Execution;

/// <summary>
/// Recording ahead: while every slot is busy, up to <see cref="StepExecutorOptions.MaxParallelism"/> waiting
/// creates and updates record their pending operation before they get a slot, so the state write that must
/// precede their provider call overlaps the steps still running instead of delaying them once a slot frees.
/// A step recorded ahead that then does not start (cancelled, or an earlier step failed) has its pending
/// operation abandoned (cleared from state). A crash in between leaves at most that many extra pending
/// operations: conservative evidence ("may have been created"), never a missing one.
/// </summary>
internal sealed partial class StepExecutor
{
    private async Task<AheadRecord> RecordAheadAsync(Step step, CancellationToken cancellationToken)
    {
        if (_options.Preview || _options.Observer is not { } observer || !TryFirstMutation(step, out var operation) || _slots.CurrentCount > 0)
        {
            return default;
        }

        try
        {
            await _aheadSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The slot wait that follows observes the cancellation and skips the step.
            return default;
        }

        if (_stopped || cancellationToken.IsCancellationRequested || _slots.CurrentCount > 0)
        {
            _aheadSlots.Release();
            return default;
        }

        try
        {
            await observer.BeforeMutationAsync(operation, CancellationToken.None).ConfigureAwait(false);
            _recordedAhead[step] = operation;
            return new AheadRecord(HoldsAheadSlot: true, Failure: null);
        }
        catch (Exception ex)
        {
            _aheadSlots.Release();
            return new AheadRecord(HoldsAheadSlot: false, Failed(step, $"{step.Kind} of '{step.Urn}' failed before it started: {ex.Message}", ex));
        }
    }

    /// <summary>The pending operation a create or update records before calling its provider.</summary>
    private static bool TryFirstMutation(Step step, out PendingOperation operation)
    {
        operation = null!;
        if (step.Provider is null || step.New is null)
        {
            return false;
        }

        var type = step.Kind switch
        {
            StepKind.Create => PendingOperationType.Creating,
            StepKind.Update => PendingOperationType.Updating,
            _ => (PendingOperationType?)null,
        };
        if (type is null)
        {
            return false;
        }

        operation = new PendingOperation(step.New, type.Value);
        return true;
    }

    /// <summary>Whether <paramref name="step"/>'s pending operation was already recorded ahead (and takes it).</summary>
    private bool TakeRecordedAhead(Step step) => _recordedAhead.TryRemove(step, out _);

    private async Task AbandonAheadAsync(Step step)
    {
        if (!_recordedAhead.TryRemove(step, out var operation) || _options.Observer is not { } observer)
        {
            return;
        }

        try
        {
            await observer.AbandonMutationAsync(operation, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The pending operation stays in state: the next run reports it, which is safe.
        }
    }

    /// <summary>The outcome of <see cref="RecordAheadAsync"/>.</summary>
    private readonly record struct AheadRecord(bool HoldsAheadSlot, StepResult? Failure);
}
