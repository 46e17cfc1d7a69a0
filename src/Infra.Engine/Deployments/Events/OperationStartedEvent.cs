namespace Infra.Engine.Deployments.Events;

/// <summary>The run started: what and on which stack.</summary>
internal sealed record OperationStartedEvent(OperationKind Kind, string Project, string Stack) : OperationEvent;
