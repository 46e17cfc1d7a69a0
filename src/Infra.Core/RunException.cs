namespace Infra;

/// <summary>
/// A user-facing error: the engine shows its message without a stack trace. Throw it from a program
/// for problems the user must fix (bad configuration, invalid combinations).
/// </summary>
public class RunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public RunException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RunException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
