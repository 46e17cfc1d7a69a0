namespace Infra.Engine.Providers.Command;

/// <summary>
/// An SSH connection could not be made: every allowed dial failed, or the host presented a key other than the
/// pinned one (<see cref="IsHostKeyMismatch"/>; never retried). Messages name the endpoint, never credentials.
/// </summary>
internal sealed class SshDialException : Exception
{
    public SshDialException()
    {
    }

    public SshDialException(string? message)
        : base(message)
    {
    }

    public SshDialException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the host key did not match <c>connection.hostKey</c>.</summary>
    public bool IsHostKeyMismatch { get; init; }

    /// <summary>How many dials were made.</summary>
    public int Attempts { get; init; }
}
