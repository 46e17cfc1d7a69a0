namespace Infra.Engine.Providers.Command;

/// <summary>An ssh-agent could not be reached, refused a request or answered nonsense. Messages hold no key material.</summary>
internal sealed class SshAgentException : Exception
{
    public SshAgentException()
    {
    }

    public SshAgentException(string? message)
        : base(message)
    {
    }

    public SshAgentException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
