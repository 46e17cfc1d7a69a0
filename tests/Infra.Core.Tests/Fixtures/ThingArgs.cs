using Infra;

namespace Infra.Core.Tests.Fixtures;

public sealed class ThingArgs : ResourceArgs
{
    [Input("name")]
    public required Input<string> Name { get; init; }

    [Input("size")]
    public Input<int>? Size { get; init; }

    [Input("enabled")]
    public Input<bool>? Enabled { get; init; }

    [Input("tags")]
    public InputList<string>? Tags { get; init; }

    [Input("labels")]
    public InputMap<string>? Labels { get; init; }

    [Input("password")]
    public Input<string>? Password { get; init; }

    [Input("peer")]
    public Input<Thing>? Peer { get; init; }
}
