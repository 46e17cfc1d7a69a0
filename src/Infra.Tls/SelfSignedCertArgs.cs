namespace Infra.Tls;

/// <summary>
/// Inputs of a <see cref="SelfSignedCert"/>. Every input except <see cref="EarlyRenewalHours"/> forces a new
/// certificate when it changes.
/// </summary>
public sealed class SelfSignedCertArgs : ResourceArgs
{
    private readonly Input<string>? _privateKeyPem;

    /// <summary>The private key (PEM) the certificate belongs to and is signed with. Sent as a secret.</summary>
    [Input("privateKeyPem")]
    public required Input<string> PrivateKeyPem
    {
        get => _privateKeyPem!;
        init => _privateKeyPem = SecretInput.Wrap(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Hours the certificate stays valid after it is issued (at least 0).</summary>
    [Input("validityPeriodHours")]
    public required Input<int> ValidityPeriodHours { get; init; }

    /// <summary>The key usages and extended key usages the certificate allows.</summary>
    [Input("allowedUses")]
    public required InputList<AllowedUse> AllowedUses { get; init; }

    /// <summary>The subject distinguished name.</summary>
    [Input("subject")]
    public Input<CertificateSubjectArgs>? Subject { get; init; }

    /// <summary>DNS subject alternative names.</summary>
    [Input("dnsNames")]
    public InputList<string>? DnsNames { get; init; }

    /// <summary>IP subject alternative names (IPv4 or IPv6 text).</summary>
    [Input("ipAddresses")]
    public InputList<string>? IpAddresses { get; init; }

    /// <summary>URI subject alternative names (absolute URIs).</summary>
    [Input("uris")]
    public InputList<string>? Uris { get; init; }

    /// <summary>Whether the certificate is a CA (needs a subject).</summary>
    /// <value>The default is false.</value>
    [Input("isCaCertificate")]
    public Input<bool>? IsCaCertificate { get; init; }

    /// <summary>The CA path length constraint (at least -1; only used for CAs; -1 and 0 add no constraint, as in the real provider).</summary>
    /// <value>The default is -1.</value>
    [Input("maxPathLength")]
    public Input<int>? MaxPathLength { get; init; }

    /// <summary>Whether to include a subject key identifier.</summary>
    /// <value>The default is false.</value>
    [Input("setSubjectKeyId")]
    public Input<bool>? SetSubjectKeyId { get; init; }

    /// <summary>Whether to include an authority key identifier (the subject key identifier; needs one).</summary>
    /// <value>The default is false.</value>
    [Input("setAuthorityKeyId")]
    public Input<bool>? SetAuthorityKeyId { get; init; }

    /// <summary>Hours before expiry from which the certificate counts as ready for renewal (changing it alone is an in-place update).</summary>
    /// <value>The default is 0.</value>
    [Input("earlyRenewalHours")]
    public Input<int>? EarlyRenewalHours { get; init; }
}
