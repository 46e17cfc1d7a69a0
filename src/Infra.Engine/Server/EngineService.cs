using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Protocol.Rpc;

namespace Infra.Engine.Server;

/// <summary>The gRPC face of <c>pulumirpc.Engine</c>: logs become diagnostics; the root resource is remembered.</summary>
internal sealed class EngineService(MonitorSession session) : Protocol.Rpc.Engine.EngineBase
{
    /// <inheritdoc/>
    public override async Task<Empty> Log(LogRequest request, ServerCallContext context)
    {
        await session.LogAsync(request).ConfigureAwait(false);
        return new Empty();
    }

    /// <inheritdoc/>
    public override Task<GetRootResourceResponse> GetRootResource(GetRootResourceRequest request, ServerCallContext context) =>
        Task.FromResult(new GetRootResourceResponse { Urn = session.GetRootResource() });

    /// <inheritdoc/>
    public override Task<SetRootResourceResponse> SetRootResource(SetRootResourceRequest request, ServerCallContext context)
    {
        session.SetRootResource(request.Urn);
        return Task.FromResult(new SetRootResourceResponse());
    }
}
