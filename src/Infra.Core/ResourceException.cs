namespace Infra;

/// <summary>An error attributed to one resource; the engine shows it under that resource.</summary>
public class ResourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResourceException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ResourceException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResourceException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a resource.</summary>
    /// <param name="message">The message.</param>
    /// <param name="resource">The resource it is about.</param>
    /// <param name="innerException">The cause.</param>
    public ResourceException(string? message, Resource? resource, Exception? innerException = null)
        : base(message, innerException)
    {
        Resource = resource;
    }

    /// <summary>The resource the error is about.</summary>
    public Resource? Resource { get; }
}
