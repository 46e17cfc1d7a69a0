namespace Infra.Engine.Providers.Kubernetes;

/// <summary>One cause of an error <c>Status</c> (<c>details.causes[]</c>).</summary>
internal sealed record KubernetesStatusCause(string Type, string Message, string Field);
