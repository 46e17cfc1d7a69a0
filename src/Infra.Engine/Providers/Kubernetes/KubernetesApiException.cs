using System.Collections.Immutable;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>The Kubernetes API answered with an error <c>Status</c>.</summary>
internal sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(int statusCode, string reason, string message, ImmutableArray<KubernetesStatusCause> causes = default)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
        Causes = causes.IsDefault ? [] : causes;
    }

    public KubernetesApiException()
        : this(0, string.Empty, "The Kubernetes API failed.")
    {
    }

    public KubernetesApiException(string? message)
        : this(0, string.Empty, message ?? "The Kubernetes API failed.")
    {
    }

    public KubernetesApiException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = string.Empty;
        Causes = [];
    }

    /// <summary>The HTTP status code, e.g. 409.</summary>
    public int StatusCode { get; }

    /// <summary>The Status reason, e.g. <c>Conflict</c>, <c>AlreadyExists</c>, <c>Invalid</c>.</summary>
    public string Reason { get; }

    /// <summary>The Status details' causes (for SSA conflicts: the field managers and fields).</summary>
    public ImmutableArray<KubernetesStatusCause> Causes { get; }
}
