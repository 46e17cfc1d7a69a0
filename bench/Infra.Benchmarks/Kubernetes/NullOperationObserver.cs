using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;

namespace Infra.Benchmarks.Kubernetes;

/// <summary>Ignores every event of a run.</summary>
internal sealed class NullOperationObserver : IOperationObserver
{
    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
