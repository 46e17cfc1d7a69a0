namespace Infra.Engine.Deployments.Events;

/// <summary>A diagnostic from the program (Engine.Log) or the engine, optionally attached to a resource.</summary>
internal sealed record DiagnosticEvent(DiagnosticSeverity Severity, string Message, string? Urn = null, bool Ephemeral = false) : OperationEvent;
