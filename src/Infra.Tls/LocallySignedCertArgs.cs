namespace Infra.Tls;

/// <summary>
/// Inputs of a <see cref="LocallySignedCert"/>. Every input except <see cref="EarlyRenewalHours"/> forces a
/// new certificate when it changes.
/// </summary>
public sealed class LocallySignedCertArgs : ResourceArgs
{
    private readonly Input<string>? _caPrivateKeyPem;

    /// <summary>The certificate request (PEM) to sign.</summary>
    [Input("certRequestPem")]
    public required Input<string> CertRequestPem { get; init; }

    /// <summary>The CA's private key (PEM). Sent as a secret.</summary>
    [Input("caPrivateKeyPem")]
    public required Input<string> CaPrivateKeyPem
    {
        get => _caPrivateKeyPem!;
        init => _caPrivateKeyPem = SecretInput.Wrap(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The CA's certificate (PEM).</summary>
    [Input("caCertPem")]
    public required Input<string> CaCertPem { get; init; }

    /// <summary>Hours the certificate stays valid after it is issued (at least 0).</summary>
    [Input("validityPeriodHours")]
    public required Input<int> ValidityPeriodHours { get; init; }

    /// <summary>The key usages and extended key usages the certificate allows.</summary>
    [Input("allowedUses")]
    public required InputList<AllowedUse> AllowedUses { get; init; }

    /// <summary>Whether the certificate is an (intermediate) CA.</summary>
    /// <value>The default is false.</value>
    [Input("isCaCertificate")]
    public Input<bool>? IsCaCertificate { get; init; }

    /// <summary>The CA path length constraint (at least -1; -1 and 0 add no constraint, as in the real provider).</summary>
    /// <value>The default is -1.</value>
    [Input("maxPathLength")]
    public Input<int>? MaxPathLength { get; init; }

    /// <summary>Whether to include a subject key identifier.</summary>
    /// <value>The default is false.</value>
    [Input("setSubjectKeyId")]
    public Input<bool>? SetSubjectKeyId { get; init; }

    /// <summary>Hours before expiry from which the certificate counts as ready for renewal (changing it alone is an in-place update).</summary>
    /// <value>The default is 0.</value>
    [Input("earlyRenewalHours")]
    public Input<int>? EarlyRenewalHours { get; init; }
}
