using Infra.Engine.Deployments.Events;

namespace Infra.Engine.Deployments;

/// <summary>Receives the events of a run in order (the CLI renders them; tests record them).</summary>
internal interface IOperationObserver
{
    ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default);
}
