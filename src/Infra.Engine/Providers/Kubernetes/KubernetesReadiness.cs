namespace Infra.Engine.Providers.Kubernetes;

/// <summary>One readiness evaluation: ready, still waiting (with a progress message), or failed.</summary>
internal readonly record struct KubernetesReadiness(bool Ready, string Message, string? Failure = null)
{
    public static KubernetesReadiness Done { get; } = new(true, string.Empty);

    public static KubernetesReadiness Waiting(string message) => new(false, message);

    public static KubernetesReadiness Failed(string failure) => new(false, failure, failure);
}
