using Infra;

namespace Infra.Core.Tests.Fixtures;

public sealed class ThingProviderArgs : ResourceArgs
{
    [Input("endpoint")]
    public Input<string>? Endpoint { get; init; }

    [Input("insecure", Json = true)]
    public Input<bool>? Insecure { get; init; }

    [Input("settings", Json = true)]
    public Input<ThingSettings>? Settings { get; init; }
}
