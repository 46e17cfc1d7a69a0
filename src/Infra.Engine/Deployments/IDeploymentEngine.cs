namespace Infra.Engine.Deployments;

/// <summary>Runs preview / update / destroy / refresh and reports progress as events. Returns data; never renders.</summary>
internal interface IDeploymentEngine
{
    Task<OperationResult> RunAsync(OperationRequest request, IOperationObserver observer, CancellationToken cancellationToken = default);
}
