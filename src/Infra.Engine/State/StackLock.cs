namespace Infra.Engine.State;

/// <summary>A held stack lock. Release it (or dispose it) when the operation ends.</summary>
internal sealed class StackLock : IAsyncDisposable
{
    private readonly Action _release;
    private int _released;

    internal StackLock(StackReference stack, string path, Action release)
    {
        Stack = stack;
        Path = path;
        _release = release;
    }

    public StackReference Stack { get; }

    /// <summary>The lock file's absolute path.</summary>
    public string Path { get; }

    /// <summary>Deletes the lock file. Safe to call more than once.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }
}
