using Infra.Testing;

namespace Infra.ProxmoxVE.Tests;

/// <summary>Mocks that give every resource the ID <c>&lt;name&gt;-id</c> and echo its inputs as outputs.</summary>
internal sealed class EchoMocks : IMocks
{
    public Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args) =>
        Task.FromResult<(string?, object)>((args.Name + "-id", args.Inputs));

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(new Dictionary<string, object>());
}
