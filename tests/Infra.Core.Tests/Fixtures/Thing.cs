using System.Collections.Immutable;
using Infra;

namespace Infra.Core.Tests.Fixtures;

/// <summary>A typed custom resource as a provider SDK would write it.</summary>
public sealed class Thing : CustomResource
{
    public Thing(string name, ThingArgs args, CustomResourceOptions? options = null)
        : base("test:index:Thing", name, args, options)
    {
    }

    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    [Output("size")]
    public Output<int> Size { get; private set; } = null!;

    [Output("address")]
    public Output<string> Address { get; private set; } = null!;

    [Output("tags")]
    public Output<ImmutableArray<string>> Tags { get; private set; } = null!;
}
