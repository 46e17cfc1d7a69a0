namespace Infra.Engine.Providers.Kubernetes;

/// <summary>An object did not become ready in time, or failed (a Job that failed); the message says what was seen and which knob helps.</summary>
internal sealed class KubernetesAwaitException : Exception
{
    public KubernetesAwaitException()
        : base("Waiting for the object failed.")
    {
    }

    public KubernetesAwaitException(string? message)
        : base(message)
    {
    }

    public KubernetesAwaitException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
