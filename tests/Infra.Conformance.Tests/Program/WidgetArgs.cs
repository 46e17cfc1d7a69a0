namespace Infra.Conformance.Tests.Program;

internal sealed class WidgetArgs : ResourceArgs
{
    [Input("name")]
    public Input<string>? Name { get; init; }

    [Input("size")]
    public Input<int>? Size { get; init; }

    [Input("tags")]
    public InputList<string>? Tags { get; init; }

    [Input("peer")]
    public Input<Widget>? Peer { get; init; }

    [Input("token")]
    public Input<string>? Token { get; init; }
}
