namespace Infra.Engine.Providers.Kubernetes;

/// <summary>The Kubernetes API server could not be reached (connection refused, reset or timed out).</summary>
internal sealed class KubernetesUnreachableException : Exception
{
    public KubernetesUnreachableException(string server, string message, Exception? innerException)
        : base(message, innerException)
    {
        Server = server;
    }

    public KubernetesUnreachableException()
        : this(string.Empty, "The Kubernetes API server is unreachable.", null)
    {
    }

    public KubernetesUnreachableException(string? message)
        : this(string.Empty, message ?? "The Kubernetes API server is unreachable.", null)
    {
    }

    public KubernetesUnreachableException(string? message, Exception? innerException)
        : this(string.Empty, message ?? "The Kubernetes API server is unreachable.", innerException)
    {
    }

    /// <summary>The server address from the kubeconfig.</summary>
    public string Server { get; }
}
