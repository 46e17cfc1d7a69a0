using Infra;

namespace Infra.Core.Tests.Fixtures;

public sealed class ThingSettings : ResourceArgs
{
    [Input("retries")]
    public Input<int>? Retries { get; init; }

    [Input("token")]
    public Input<string>? Token { get; init; }
}
