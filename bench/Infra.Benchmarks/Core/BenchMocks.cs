using Infra.Testing;

namespace Infra.Benchmarks.Core;

/// <summary>Echo mocks with an address output.</summary>
public sealed class BenchMocks : IMocks
{
    public Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var state = new Dictionary<string, object>(args.Inputs) { ["address"] = args.Name + ".lan" };
        return Task.FromResult<(string?, object)>((args.Name + "-id", state));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(new Dictionary<string, object>());
}
