using Infra.Engine.State;

namespace Infra.Engine.Execution;

/// <summary>
/// Hooks around each step, for the state store (record a pending operation, save state after each
/// step) and for progress. Called concurrently from parallel steps; implementations serialise their
/// own writes. Both hooks are called with <see cref="CancellationToken.None"/> once a step is under way,
/// so a cancelled run still records what it did.
/// </summary>
internal interface IStepObserver
{
    /// <summary>
    /// Called before every provider call that can change a real resource (not in preview). When it
    /// throws, the provider is not called and the step fails.
    /// </summary>
    Task BeforeMutationAsync(PendingOperation operation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called after every step that ran (succeeded or failed; not for skipped steps), before dependents
    /// start. To apply a succeeded result: remove <see cref="StepResult.Old"/> if set, then add
    /// <see cref="StepResult.Retired"/> and <see cref="StepResult.New"/> if set. A failed step clears its
    /// pending operation and changes nothing else, except a failed delete-before-replace whose delete succeeded:
    /// its <see cref="StepResult.New"/> (the old state marked <c>PendingReplacement</c>) replaces the old state.
    /// </summary>
    Task AfterStepAsync(StepResult result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called when an operation recorded with <see cref="BeforeMutationAsync"/> will not happen after all (a
    /// step recorded ahead of its slot was then cancelled or skipped): clear it. Not followed by
    /// <see cref="AfterStepAsync"/> for that step.
    /// </summary>
    Task AbandonMutationAsync(PendingOperation operation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called when a step is about to run (its dependencies succeeded and it holds a slot), in preview
    /// too; for progress reporting. When it throws, the step fails without calling the provider.
    /// </summary>
    Task BeforeStepAsync(Planning.Step step, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Called when the provider reports progress of a running step (e.g. "waiting for 2/3 replicas").
    /// Must return quickly and never throw; the provider is not waiting for it.
    /// </summary>
    void OnProgress(Planning.Step step, string message)
    {
    }
}
