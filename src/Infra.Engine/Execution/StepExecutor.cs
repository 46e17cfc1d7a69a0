using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Engine.State;

namespace Infra.Engine.Execution;

/// <summary>
/// Runs steps in parallel along the dependency graph: a step starts once the steps of every URN in its
/// <see cref="Step.WaitFor"/> (submitted to this executor) have succeeded, and at most
/// <see cref="StepExecutorOptions.MaxParallelism"/> steps run at once. When a step fails, or the
/// cancellation token fires, nothing new starts; steps already in flight finish and are recorded.
/// Steps can be submitted one at a time as registrations arrive (<see cref="ExecuteAsync"/>) or as a
/// batch (<see cref="ExecuteAllAsync"/>); the summary covers everything this executor ran.
/// </summary>
internal sealed partial class StepExecutor : IDisposable
{
    private readonly StepExecutorOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _aheadSlots;
    private readonly ConcurrentDictionary<Step, PendingOperation> _recordedAhead = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, Task<StepResult>> _completions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<StepKind, int> _counts = new();
    private readonly ConcurrentQueue<StepFailure> _failures = new();
    private int _skipped;
    private volatile bool _stopped;
    private volatile bool _cancelled;

    public StepExecutor(StepExecutorOptions? options = null)
    {
        _options = options ?? new StepExecutorOptions();
        if (_options.MaxParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.MaxParallelism, $"StepExecutorOptions.MaxParallelism: must be at least 1 (was {_options.MaxParallelism}).");
        }

        _slots = new SemaphoreSlim(_options.MaxParallelism, _options.MaxParallelism);
        _aheadSlots = new SemaphoreSlim(_options.MaxParallelism, _options.MaxParallelism);
    }

    /// <summary>Whether a failure or cancellation has stopped new steps from starting.</summary>
    public bool IsStopped => _stopped;

    /// <summary>The totals of everything this executor ran so far.</summary>
    public ExecutionSummary Summary => new()
    {
        Counts = _counts.ToImmutableSortedDictionary(),
        Failures = [.. _failures],
        Skipped = Volatile.Read(ref _skipped),
        Cancelled = _cancelled,
    };

    /// <summary>
    /// Runs one step once its dependencies are done and a slot is free; the result never throws for a
    /// step failure (see <see cref="StepResult.Status"/>).
    /// </summary>
    public Task<StepResult> ExecuteAsync(Step step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var completion = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dependencies = DependenciesOf(step);
        _completions[step.Urn] = completion.Task;
        _ = RunAsync(step, dependencies, completion, cancellationToken);
        return completion.Task;
    }

    /// <summary>
    /// Runs a batch of steps (e.g. the deletes after the program, destroy, refresh); every step of the
    /// batch is known before any starts, so the order of <paramref name="steps"/> does not matter.
    /// </summary>
    public async Task<ImmutableArray<StepResult>> ExecuteAllAsync(IEnumerable<Step> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var batch = steps.ToList();
        var completions = batch.Select(_ => new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        for (var i = 0; i < batch.Count; i++)
        {
            _completions[batch[i].Urn] = completions[i].Task;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            _ = RunAsync(batch[i], DependenciesOf(batch[i]), completions[i], cancellationToken);
        }

        return [.. await Task.WhenAll(completions.Select(c => c.Task)).ConfigureAwait(false)];
    }

    /// <inheritdoc/>
    public void Dispose() => _slots.Dispose();

    private List<(string Urn, Task<StepResult> Task)> DependenciesOf(Step step)
    {
        var dependencies = new List<(string, Task<StepResult>)>();
        foreach (var urn in step.WaitFor)
        {
            if (urn != step.Urn && _completions.TryGetValue(urn, out var task))
            {
                dependencies.Add((urn, task));
            }
        }

        return dependencies;
    }

    private async Task RunAsync(
        Step step,
        List<(string Urn, Task<StepResult> Task)> dependencies,
        TaskCompletionSource<StepResult> completion,
        CancellationToken cancellationToken)
    {
        StepResult result;
        try
        {
            result = await RunCoreAsync(step, dependencies, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Defensive: RunCoreAsync reports failures as results; anything else is an engine bug.
            _stopped = true;
            result = Failed(step, $"{step.Kind} of '{step.Urn}' failed: {ex.Message}", ex);
        }

        completion.TrySetResult(result);
    }

    private async Task<StepResult> RunCoreAsync(
        Step step,
        List<(string Urn, Task<StepResult> Task)> dependencies,
        CancellationToken cancellationToken)
    {
        foreach (var (urn, task) in dependencies)
        {
            StepResult dependency;
            try
            {
                dependency = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Skip(step, "the run was cancelled", cancelled: true);
            }

            if (dependency.Status != StepStatus.Succeeded)
            {
                return Skip(step, $"'{urn}' did not succeed", cancelled: false);
            }
        }

        var ahead = await RecordAheadAsync(step, cancellationToken).ConfigureAwait(false);
        if (ahead.Failure is { } aheadFailure)
        {
            return await AfterStepAsync(step, aheadFailure).ConfigureAwait(false);
        }

        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await AbandonAheadAsync(step).ConfigureAwait(false);
            return Skip(step, "the run was cancelled", cancelled: true);
        }
        finally
        {
            if (ahead.HoldsAheadSlot)
            {
                _aheadSlots.Release();
            }
        }

        StepResult result;
        try
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await AbandonAheadAsync(step).ConfigureAwait(false);
                return Skip(step, "the run was cancelled", cancelled: true);
            }

            if (_stopped)
            {
                await AbandonAheadAsync(step).ConfigureAwait(false);
                return Skip(step, "an earlier step failed", cancelled: false);
            }

            // From here on the step runs to completion: cancellation no longer reaches the provider.
            result = await BeforeStepAsync(step).ConfigureAwait(false) ?? await ApplyAsync(step).ConfigureAwait(false);
            if (result.Status != StepStatus.Succeeded)
            {
                // Before the slot is freed, so no waiting step can slip in after a failure.
                _stopped = true;
            }
        }
        finally
        {
            _slots.Release();
        }

        return await AfterStepAsync(step, result).ConfigureAwait(false);
    }

    private async Task<StepResult> AfterStepAsync(Step step, StepResult result)
    {
        _recordedAhead.TryRemove(step, out _);
        if (_options.Observer is { } observer)
        {
            try
            {
                await observer.AfterStepAsync(result, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                result = result.Status == StepStatus.Failed
                    ? result
                    : Failed(step, $"Recording the result of {step.Kind} of '{step.Urn}' failed: {ex.Message}", ex);
            }
        }

        if (result.Status == StepStatus.Succeeded)
        {
            _counts.AddOrUpdate(step.Kind, 1, (_, count) => count + 1);
        }
        else
        {
            _stopped = true;
            _failures.Enqueue(new StepFailure(step.Urn, step.Kind, result.Message ?? "failed"));
        }

        return result;
    }

    private async Task<StepResult?> BeforeStepAsync(Step step)
    {
        if (_options.Observer is not { } observer)
        {
            return null;
        }

        try
        {
            await observer.BeforeStepAsync(step, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            return Failed(step, $"{step.Kind} of '{step.Urn}' failed before it started: {ex.Message}", ex);
        }
    }

    private StepProgress? ProgressOf(Step step) => _options.Observer is { } observer ? new StepProgress(observer, step) : null;

    private StepResult Skip(Step step, string reason, bool cancelled)
    {
        Interlocked.Increment(ref _skipped);
        if (cancelled)
        {
            _cancelled = true;
            _stopped = true;
        }

        return new StepResult { Step = step, Status = StepStatus.Skipped, Old = step.Old, Message = $"{step.Kind} of '{step.Urn}' was skipped: {reason}." };
    }

    private static StepResult Failed(Step step, string message, Exception? exception) =>
        new() { Step = step, Status = StepStatus.Failed, Old = step.Old, Message = message, Exception = exception };
}
