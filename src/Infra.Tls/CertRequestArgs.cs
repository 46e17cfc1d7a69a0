namespace Infra.Tls;

/// <summary>Inputs of a <see cref="CertRequest"/>. Every input forces a new request when it changes.</summary>
public sealed class CertRequestArgs : ResourceArgs
{
    private readonly Input<string>? _privateKeyPem;

    /// <summary>The private key (PEM) the request is for and is signed with. Sent as a secret.</summary>
    [Input("privateKeyPem")]
    public required Input<string> PrivateKeyPem
    {
        get => _privateKeyPem!;
        init => _privateKeyPem = SecretInput.Wrap(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The subject distinguished name.</summary>
    [Input("subject")]
    public Input<CertificateSubjectArgs>? Subject { get; init; }

    /// <summary>DNS subject alternative names.</summary>
    [Input("dnsNames")]
    public InputList<string>? DnsNames { get; init; }

    /// <summary>IP subject alternative names.</summary>
    [Input("ipAddresses")]
    public InputList<string>? IpAddresses { get; init; }

    /// <summary>URI subject alternative names.</summary>
    [Input("uris")]
    public InputList<string>? Uris { get; init; }
}
