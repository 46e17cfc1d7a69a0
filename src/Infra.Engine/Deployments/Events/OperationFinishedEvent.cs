namespace Infra.Engine.Deployments.Events;

/// <summary>The run ended; carries the same result the engine returns.</summary>
internal sealed record OperationFinishedEvent(OperationResult Result) : OperationEvent;
