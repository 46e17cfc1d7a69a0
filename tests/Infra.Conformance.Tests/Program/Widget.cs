using System.Collections.Immutable;

namespace Infra.Conformance.Tests.Program;

/// <summary>A typed custom resource for the conformance programs.</summary>
internal sealed class Widget : CustomResource
{
    public Widget(string name, WidgetArgs args, CustomResourceOptions? options = null)
        : base("test:index:Widget", name, args, options)
    {
    }

    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    [Output("size")]
    public Output<int> Size { get; private set; } = null!;

    [Output("tags")]
    public Output<ImmutableArray<string>> Tags { get; private set; } = null!;

    [Output("peer")]
    public Output<string> Peer { get; private set; } = null!;
}
