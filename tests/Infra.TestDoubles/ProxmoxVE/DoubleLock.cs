namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>
/// A FIFO file lock like Proxmox's flock-based config and storage locks: a waiter gives up after the
/// timeout (measured by the double's <see cref="TimeProvider"/>).
/// </summary>
internal sealed class DoubleLock(string path, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new();
    private bool _held;

    public string Path { get; } = path;

    /// <summary>Takes the lock, or returns false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> TryAcquireAsync(TimeSpan timeout)
    {
        TaskCompletionSource<bool> waiter;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_gate)
        {
            if (!_held)
            {
                _held = true;
                return true;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using var timer = timeProvider.CreateTimer(
            _ =>
            {
                lock (_gate)
                {
                    if (node.List is not null)
                    {
                        _waiters.Remove(node);
                        waiter.TrySetResult(false);
                    }
                }
            },
            null,
            timeout,
            Timeout.InfiniteTimeSpan);
        return await waiter.Task.ConfigureAwait(false);
    }

    public void Release()
    {
        lock (_gate)
        {
            if (_waiters.First is { } next)
            {
                _waiters.RemoveFirst();
                next.Value.TrySetResult(true);
            }
            else
            {
                _held = false;
            }
        }
    }
}
