using Infra;

namespace Infra.Benchmarks.Core;

/// <summary>A custom resource with a few outputs.</summary>
public sealed class BenchResource : CustomResource
{
    public BenchResource(string name, BenchArgs args, CustomResourceOptions? options = null)
        : base("bench:index:Resource", name, args, options)
    {
    }

    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    [Output("address")]
    public Output<string> Address { get; private set; } = null!;
}
