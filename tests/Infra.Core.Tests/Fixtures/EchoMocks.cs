using System.Collections.Immutable;
using Infra.Testing;

namespace Infra.Core.Tests.Fixtures;

/// <summary>Mocks that echo inputs as outputs and add an address, recording every call.</summary>
public sealed class EchoMocks : IMocks
{
    private readonly List<MockResourceArgs> _resources = [];

    public IReadOnlyList<MockResourceArgs> Resources
    {
        get
        {
            lock (_resources)
            {
                return [.. _resources];
            }
        }
    }

    public Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_resources)
        {
            _resources.Add(args);
        }

        var state = args.Inputs.ToDictionary(p => p.Key, p => (object?)p.Value);
        state["address"] = $"{args.Name}.lan";
        return Task.FromResult<(string?, object)>((args.Custom ? $"{args.Name}-id" : null, state));
    }

    public Task<object> CallAsync(MockCallArgs args) =>
        Task.FromResult<object>(ImmutableDictionary<string, object>.Empty.Add("echo", args.Args));
}
