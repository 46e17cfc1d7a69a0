namespace Infra.Engine.Deployments.Events;

/// <summary>Base of every event a run reports.</summary>
internal abstract record OperationEvent;
