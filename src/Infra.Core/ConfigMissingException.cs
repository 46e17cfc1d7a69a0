namespace Infra;

/// <summary>A required configuration value is not set.</summary>
public sealed class ConfigMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigMissingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ConfigMissingException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigMissingException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static ConfigMissingException For(string fullKey, bool secret) =>
        new($"Missing required configuration variable '{fullKey}': set it with "
            + $"'infra config set {fullKey} <value>{(secret ? " --secret" : string.Empty)}' "
            + $"(or 'pulumi config set {fullKey} <value>{(secret ? " --secret" : string.Empty)}').");
}
