using Grpc.Net.Client;
using Infra.Protocol.Rpc;

namespace Infra.Runtime;

/// <summary>The engine service over gRPC.</summary>
internal sealed class GrpcEngine(GrpcChannel channel) : IEngine
{
    private readonly Engine.EngineClient _client = new(channel);

    public async Task LogAsync(LogRequest request) => await _client.LogAsync(request).ConfigureAwait(false);
}
