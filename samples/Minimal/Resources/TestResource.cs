using Infra;

namespace Minimal.Resources;

/// <summary>A resource of the engine's built-in <c>test</c> provider (state only, no real infrastructure).</summary>
public sealed class TestResource : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "test:index:Resource";

    /// <summary>Registers the resource.</summary>
    public TestResource(string name, TestResourceArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }

    /// <summary>The echoed value.</summary>
    [Output("value")]
    public Output<string> Value { get; private set; } = null!;

    /// <summary>A value the provider computes (unknown during preview).</summary>
    [Output("computed")]
    public Output<string> Computed { get; private set; } = null!;
}
