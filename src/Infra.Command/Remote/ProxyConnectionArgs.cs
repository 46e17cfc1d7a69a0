namespace Infra.Command.Remote;

/// <summary>A bastion host the connection goes through (the same fields as <see cref="ConnectionArgs"/>, without a proxy).</summary>
public sealed class ProxyConnectionArgs : ResourceArgs
{
    /// <summary>The bastion's address.</summary>
    [Input("host")]
    public required Input<string> Host { get; init; }

    /// <summary>The SSH port.</summary>
    /// <value>The default is 22.</value>
    [Input("port")]
    public Input<int>? Port { get; init; }

    /// <summary>The user.</summary>
    /// <value>The default is <c>root</c>.</value>
    [Input("user")]
    public Input<string>? User { get; init; }

    /// <summary>The password (secret).</summary>
    [Input("password")]
    public Input<string>? Password { get; init => field = value is null ? null : CommandPackage.Secret(value); }

    /// <summary>The private key in OpenSSH or PEM form (secret); preferred over the password.</summary>
    [Input("privateKey")]
    public Input<string>? PrivateKey { get; init => field = value is null ? null : CommandPackage.Secret(value); }

    /// <summary>The private key's passphrase (secret).</summary>
    [Input("privateKeyPassword")]
    public Input<string>? PrivateKeyPassword { get; init => field = value is null ? null : CommandPackage.Secret(value); }

    /// <summary>The ssh-agent socket to authenticate with (default: <c>SSH_AUTH_SOCK</c> of the engine).</summary>
    [Input("agentSocketPath")]
    public Input<string>? AgentSocketPath { get; init; }

    /// <summary>The expected host key (<c>ssh-ed25519 AAAA…</c>); host key checking is skipped when unset.</summary>
    [Input("hostKey")]
    public Input<string>? HostKey { get; init; }

    /// <summary>How many failed dials are allowed; -1 is unlimited.</summary>
    /// <value>The default is 10.</value>
    [Input("dialErrorLimit")]
    public Input<int>? DialErrorLimit { get; init; }

    /// <summary>The timeout of one dial, in seconds; 0 is no limit.</summary>
    /// <value>The default is 15.</value>
    [Input("perDialTimeout")]
    public Input<int>? PerDialTimeout { get; init; }
}
