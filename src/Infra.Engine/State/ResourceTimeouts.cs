namespace Infra.Engine.State;

/// <summary>Custom operation timeouts of a resource, in seconds (0 = provider default).</summary>
internal sealed record ResourceTimeouts(double Create, double Update, double Delete, double Read);
