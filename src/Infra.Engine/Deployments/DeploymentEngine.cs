namespace Infra.Engine.Deployments;

/// <summary>
/// The engine: launches the program, serves the Pulumi protocol to it, plans and applies steps with
/// the providers, and keeps the state file current.
/// </summary>
internal sealed class DeploymentEngine : IDeploymentEngine
{
    public Task<OperationResult> RunAsync(OperationRequest request, IOperationObserver observer, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The deployment engine is being built (issue 3); preview/up/destroy/refresh are not available yet.");
}
