using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Infra.Runtime;

/// <summary>
/// Tracks every outstanding task of a run (registrations, outputs, invokes, logs) so the program
/// never exits while the engine still expects calls, and records the first failure.
/// </summary>
internal sealed class Runner
{
    private readonly ConcurrentDictionary<Task, string> _inFlight = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private volatile string? _failure;
    private volatile bool _finished;

    /// <summary>A short description of the first failure, or null while the run is healthy.</summary>
    public string? Failure => _failure;

    /// <summary>True once the program finished and no more registrations are accepted.</summary>
    public bool IsFinished => _finished;

    public void Track(string description, Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _inFlight.TryAdd(task, description);
        _ = ObserveAsync(task, description);
    }

    /// <summary>Records an error that happened outside a tracked task (e.g. in the stack constructor).</summary>
    public void Fail(Exception exception)
    {
        _errors.Enqueue(exception);
        _failure ??= Describe(exception);
    }

    /// <summary>Waits until no tracked task is left, then stops accepting new work; returns every error.</summary>
    public async Task<ImmutableArray<Exception>> WhileRunningAsync()
    {
        while (true)
        {
            var snapshot = _inFlight.Keys.ToArray();
            if (snapshot.Length == 0)
            {
                _finished = true;
                if (_inFlight.IsEmpty)
                {
                    break;
                }

                _finished = false;
                continue;
            }

            try
            {
                await Task.WhenAll(snapshot).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // errors are collected by ObserveAsync
            }

            foreach (var task in snapshot)
            {
                _inFlight.TryRemove(task, out _);
            }
        }

        return [.. _errors];
    }

    private static string Describe(Exception exception) =>
        exception is ResourceException { Resource: { } resource } ? $"{resource}: {exception.Message}" : exception.Message;

    private async Task ObserveAsync(Task task, string description)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var error = e is OperationCanceledException ? new InvalidOperationException($"{description} was cancelled.", e) : e;
            _errors.Enqueue(error);
            _failure ??= Describe(error);
        }
        finally
        {
            _inFlight.TryRemove(task, out _);
        }
    }
}
