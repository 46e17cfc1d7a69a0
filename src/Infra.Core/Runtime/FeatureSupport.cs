using System.Collections.Concurrent;
using Infra.Protocol.Rpc;

namespace Infra.Runtime;

/// <summary>Asks the monitor which protocol features it supports, once per feature.</summary>
internal sealed class FeatureSupport(IMonitor monitor)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _cache = new();

    public Task<bool> ResourceReferences => HasAsync("resourceReferences");

    public Task<bool> OutputValues => HasAsync("outputValues");

    public Task<bool> HasAsync(string id) =>
        _cache.GetOrAdd(id, key => new Lazy<Task<bool>>(() => ProbeAsync(key))).Value;

    private async Task<bool> ProbeAsync(string id)
    {
        var response = await monitor.SupportsFeatureAsync(new SupportsFeatureRequest { Id = id }).ConfigureAwait(false);
        return response.HasSupport;
    }
}
