using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Protocol.Rpc;

namespace Infra.Engine.Server;

/// <summary>The gRPC face of <c>pulumirpc.ResourceMonitor</c>; every call is served by the run's <see cref="MonitorSession"/>.</summary>
internal sealed class ResourceMonitorService(MonitorSession session) : ResourceMonitor.ResourceMonitorBase
{
    /// <inheritdoc/>
    public override Task<SupportsFeatureResponse> SupportsFeature(SupportsFeatureRequest request, ServerCallContext context) =>
        Task.FromResult(new SupportsFeatureResponse { HasSupport = MonitorSession.SupportsFeature(request.Id) });

    /// <inheritdoc/>
    public override Task<RegisterResourceResponse> RegisterResource(RegisterResourceRequest request, ServerCallContext context) =>
        session.RegisterResourceAsync(request);

    /// <inheritdoc/>
    public override async Task<Empty> RegisterResourceOutputs(RegisterResourceOutputsRequest request, ServerCallContext context)
    {
        await session.RegisterResourceOutputsAsync(request).ConfigureAwait(false);
        return new Empty();
    }

    /// <inheritdoc/>
    public override Task<ReadResourceResponse> ReadResource(ReadResourceRequest request, ServerCallContext context) =>
        session.ReadResourceAsync(request);

    /// <inheritdoc/>
    public override Task<ResourceInvokeResponse> Invoke(ResourceInvokeRequest request, ServerCallContext context) =>
        session.InvokeAsync(request);

    /// <inheritdoc/>
    public override Task<CallResponse> Call(ResourceCallRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Call: methods of remote components are not supported by the infra engine"));

    /// <inheritdoc/>
    public override async Task<Empty> SignalAndWaitForShutdown(Empty request, ServerCallContext context)
    {
        await session.SignalAndWaitForShutdownAsync().ConfigureAwait(false);
        return new Empty();
    }

    /// <inheritdoc/>
    public override Task<DeploymentInfo> GetDeploymentInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(session.GetDeploymentInfo());
}
