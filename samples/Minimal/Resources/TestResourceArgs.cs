using Infra;

namespace Minimal.Resources;

/// <summary>Inputs of <see cref="TestResource"/>.</summary>
public sealed class TestResourceArgs : ResourceArgs
{
    /// <summary>Any value; echoed as an output.</summary>
    [Input("value")]
    public required Input<string> Value { get; init; }

    /// <summary>A secret value; echoed as a secret output.</summary>
    [Input("token")]
    public Input<string>? Token { get; init; }

    /// <summary>Changing it replaces the resource.</summary>
    [Input("forceNew")]
    public Input<string>? ForceNew { get; init; }
}
