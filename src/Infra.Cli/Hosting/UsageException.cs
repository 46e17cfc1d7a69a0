namespace Infra.Cli.Hosting;

/// <summary>The user's command line cannot be carried out as given; reported without a stack trace, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
        : this("invalid command line")
    {
    }

    public UsageException(string? message)
        : base(message)
    {
    }

    public UsageException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
