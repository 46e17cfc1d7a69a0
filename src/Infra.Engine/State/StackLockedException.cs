using System.Collections.Immutable;

namespace Infra.Engine.State;

/// <summary>The stack is locked by another process; the message names each holder (user@host, pid, time).</summary>
internal sealed class StackLockedException : Exception
{
    public StackLockedException()
    {
    }

    public StackLockedException(string? message)
        : base(message)
    {
    }

    public StackLockedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public StackLockedException(string message, ImmutableArray<LockInfo> holders)
        : base(message)
    {
        Holders = holders;
    }

    public ImmutableArray<LockInfo> Holders { get; } = [];
}
