using Infra.Protocol.Rpc;

namespace Infra.Runtime;

/// <summary>
/// The resource monitor the program talks to: the engine over gRPC in real runs, an in-process mock
/// in tests. Both see exactly the same requests.
/// </summary>
internal interface IMonitor
{
    Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request);

    Task<RegisterResourceResponse> RegisterResourceAsync(RegisterResourceRequest request);

    Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request);

    Task<ReadResourceResponse> ReadResourceAsync(ReadResourceRequest request);

    Task<ResourceInvokeResponse> InvokeAsync(ResourceInvokeRequest request);

    /// <summary>Signals that no more registrations follow and waits until the engine is done; false when the engine does not support it.</summary>
    Task<bool> SignalAndWaitForShutdownAsync();
}
