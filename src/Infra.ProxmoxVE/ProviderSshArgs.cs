namespace Infra.ProxmoxVE;

/// <summary>SSH access of the proxmoxve provider to the nodes.</summary>
public sealed partial class ProviderSshArgs : ResourceArgs
{
    private Input<string>? _password;
    private Input<string>? _privateKey;
    private Input<string>? _socks5Password;

    /// <summary>The SSH user.</summary>
    [Input("username")]
    public Input<string>? Username { get; init; }

    /// <summary>The SSH password, sent as a secret.</summary>
    [Input("password")]
    public Input<string>? Password
    {
        get => _password;
        init => _password = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>An unencrypted private key, sent as a secret.</summary>
    [Input("privateKey")]
    public Input<string>? PrivateKey
    {
        get => _privateKey;
        init => _privateKey = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>Whether to use the SSH agent.</summary>
    [Input("agent")]
    public Input<bool>? Agent { get; init; }

    /// <summary>The SSH agent socket.</summary>
    [Input("agentSocket")]
    public Input<string>? AgentSocket { get; init; }

    /// <summary>Whether to forward the agent.</summary>
    [Input("agentForwarding")]
    public Input<bool>? AgentForwarding { get; init; }

    /// <summary>Where node addresses come from (<c>api</c> or <c>dns</c>).</summary>
    [Input("nodeAddressSource")]
    public Input<string>? NodeAddressSource { get; init; }

    /// <summary>A SOCKS5 proxy.</summary>
    [Input("socks5Server")]
    public Input<string>? Socks5Server { get; init; }

    /// <summary>The SOCKS5 user.</summary>
    [Input("socks5Username")]
    public Input<string>? Socks5Username { get; init; }

    /// <summary>The SOCKS5 password, sent as a secret.</summary>
    [Input("socks5Password")]
    public Input<string>? Socks5Password
    {
        get => _socks5Password;
        init => _socks5Password = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>Explicit node addresses.</summary>
    [Input("nodes")]
    public InputList<ProviderSshNodeArgs>? Nodes { get; init; }
}
