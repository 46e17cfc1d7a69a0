namespace Infra.Tls;

/// <summary>The proxy the provider uses for <c>getCertificate</c> URLs.</summary>
public sealed class ProviderProxyArgs : ResourceArgs
{
    private readonly Input<string>? _password;

    /// <summary>The proxy URL.</summary>
    [Input("url")]
    public Input<string>? Url { get; init; }

    /// <summary>The proxy user name.</summary>
    [Input("username")]
    public Input<string>? Username { get; init; }

    /// <summary>The proxy password. Sent as a secret.</summary>
    [Input("password")]
    public Input<string>? Password
    {
        get => _password;
        init => _password = SecretInput.Wrap(value);
    }

    /// <summary>Whether to take the proxy from the environment (<c>HTTPS_PROXY</c> and friends).</summary>
    [Input("fromEnv")]
    public Input<bool>? FromEnv { get; init; }
}
