namespace Infra.Engine.Providers.Kubernetes;

/// <summary>The kubernetes provider configuration is invalid; the message lists every problem (never a secret value).</summary>
internal sealed class KubernetesConfigurationException : Exception
{
    public KubernetesConfigurationException(IReadOnlyList<string> problems)
        : base("The kubernetes provider configuration is invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
    {
        Problems = problems;
    }

    public KubernetesConfigurationException()
        : this(["unknown problem"])
    {
    }

    public KubernetesConfigurationException(string? message)
        : this([message ?? "unknown problem"])
    {
    }

    public KubernetesConfigurationException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [message ?? string.Empty];
    }

    /// <summary>One line per problem: <c>field: rule (was value)</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
