using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Infra.Protocol.Rpc;

namespace Infra.Runtime;

/// <summary>The resource monitor over gRPC: no deadlines (registrations block for as long as the cloud takes).</summary>
internal sealed class GrpcMonitor(GrpcChannel channel) : IMonitor
{
    private readonly ResourceMonitor.ResourceMonitorClient _client = new(channel);

    public async Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request) =>
        await _client.SupportsFeatureAsync(request).ConfigureAwait(false);

    public async Task<RegisterResourceResponse> RegisterResourceAsync(RegisterResourceRequest request) =>
        await _client.RegisterResourceAsync(request).ConfigureAwait(false);

    public async Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request) =>
        await _client.RegisterResourceOutputsAsync(request).ConfigureAwait(false);

    public async Task<ReadResourceResponse> ReadResourceAsync(ReadResourceRequest request) =>
        await _client.ReadResourceAsync(request).ConfigureAwait(false);

    public async Task<ResourceInvokeResponse> InvokeAsync(ResourceInvokeRequest request) =>
        await _client.InvokeAsync(request).ConfigureAwait(false);

    public async Task<bool> SignalAndWaitForShutdownAsync()
    {
        try
        {
            await _client.SignalAndWaitForShutdownAsync(new Empty()).ConfigureAwait(false);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return false;
        }
    }
}
