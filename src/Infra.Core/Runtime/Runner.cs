using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Infra.Runtime;

/// <summary>
/// Tracks every outstanding task of a run (registrations, outputs, invokes, logs) so the program
/// never exits while the engine still expects calls, and records the first failure. Tracking is a
/// counter plus an "idle" signal: no shared collection, no lock on the hot path.
/// </summary>
internal sealed class Runner
{
    private readonly ConcurrentQueue<Exception> _errors = new();
    private TaskCompletionSource _idle = NewSignal();
    private int _pending;
    private volatile string? _failure;
    private volatile bool _finished;

    /// <summary>A short description of the first failure, or null while the run is healthy.</summary>
    public string? Failure => _failure;

    /// <summary>True once the program finished and no more registrations are accepted.</summary>
    public bool IsFinished => _finished;

    public void Track(string description, Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        Interlocked.Increment(ref _pending);
        task.ContinueWith(
            (completed, state) => ((Runner)state!).OnCompleted(completed, description),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Records an error that happened outside a tracked task (e.g. in the stack constructor).</summary>
    public void Fail(Exception exception)
    {
        _errors.Enqueue(exception);
        _failure ??= Describe(exception);
    }

    /// <summary>
    /// Marks the run failed before the failing task completes, so that code resuming on the failure
    /// (an awaited output) already sees it; the error itself is recorded when the task completes.
    /// </summary>
    public void MarkFailed(Exception exception) => _failure ??= Describe(exception);

    /// <summary>Waits until no tracked task is left, then stops accepting new work; returns every error.</summary>
    public async Task<ImmutableArray<Exception>> WhileRunningAsync()
    {
        while (true)
        {
            var signal = Volatile.Read(ref _idle);
            if (Volatile.Read(ref _pending) == 0)
            {
                _finished = true;
                if (Volatile.Read(ref _pending) == 0)
                {
                    break;
                }

                _finished = false;
                continue;
            }

            await signal.Task.ConfigureAwait(false);
            Interlocked.CompareExchange(ref _idle, NewSignal(), signal);
        }

        return [.. _errors];
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Describe(Exception exception) =>
        exception is ResourceException { Resource: { } resource } ? $"{resource}: {exception.Message}" : exception.Message;

    private void OnCompleted(Task task, string description)
    {
        if (task.IsFaulted || task.IsCanceled)
        {
            var error = task.Exception?.InnerExceptions.Count == 1
                ? task.Exception.InnerException!
                : task.Exception ?? (Exception)new InvalidOperationException($"{description} was cancelled.");
            _errors.Enqueue(error);
            _failure ??= Describe(error);
        }

        if (Interlocked.Decrement(ref _pending) == 0)
        {
            Volatile.Read(ref _idle).TrySetResult();
        }
    }
}
