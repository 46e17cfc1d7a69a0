namespace Infra;

/// <summary>A configuration value does not have the expected type. Secret values are never shown.</summary>
public sealed class ConfigTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigTypeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ConfigTypeException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigTypeException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static ConfigTypeException For(string fullKey, string expected, string value, bool secret, Exception? inner = null) =>
        new($"Configuration '{fullKey}' must be {expected} (was {(secret ? "[secret]" : $"'{value}'")}).", inner);
}
