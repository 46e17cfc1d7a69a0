using Infra;

namespace Infra.Benchmarks.Core;

/// <summary>Ten inputs of mixed kinds.</summary>
public sealed class BenchArgs : ResourceArgs
{
    [Input("name")]
    public required Input<string> Name { get; init; }

    [Input("index")]
    public Input<int>? Index { get; init; }

    [Input("enabled")]
    public Input<bool>? Enabled { get; init; }

    [Input("ratio")]
    public Input<double>? Ratio { get; init; }

    [Input("description")]
    public Input<string>? Description { get; init; }

    [Input("tags")]
    public InputList<string>? Tags { get; init; }

    [Input("labels")]
    public InputMap<string>? Labels { get; init; }

    [Input("secret")]
    public Input<string>? Secret { get; init; }

    [Input("zone")]
    public Input<string>? Zone { get; init; }

    [Input("previous")]
    public Input<string>? Previous { get; init; }
}
