namespace Infra.Testing;

/// <summary>A test read an output whose value is unknown (as during preview).</summary>
public sealed class OutputUnknownException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutputUnknownException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public OutputUnknownException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OutputUnknownException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
