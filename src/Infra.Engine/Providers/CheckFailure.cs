namespace Infra.Engine.Providers;

/// <summary>One invalid input: the property path and why it was rejected (never the secret value itself).</summary>
internal sealed record CheckFailure(string Property, string Reason);
