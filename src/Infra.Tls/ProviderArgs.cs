namespace Infra.Tls;

/// <summary>Configuration of an explicit tls <see cref="Provider"/>.</summary>
public sealed class ProviderArgs : ResourceArgs
{
    /// <summary>The proxy (sent JSON-encoded, as provider configuration objects are).</summary>
    [Input("proxy", Json = true)]
    public Input<ProviderProxyArgs>? Proxy { get; init; }
}
