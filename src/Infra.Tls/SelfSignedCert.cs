using System.Collections.Immutable;

namespace Infra.Tls;

/// <summary>
/// A self-signed certificate (<c>tls:index/selfSignedCert:SelfSignedCert</c>). The ID is the decimal serial
/// number. Inside <c>earlyRenewalHours</c> of expiry a preview plans a replacement. Deleting it only removes it from state.
/// </summary>
public sealed class SelfSignedCert : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "tls:index/selfSignedCert:SelfSignedCert";

    /// <summary>Registers a self-signed certificate.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options (not modified).</param>
    public SelfSignedCert(string name, SelfSignedCertArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, TlsResourceOptions.WithSecretOutputs(options, "privateKeyPem"), TlsPackage.Version)
    {
        PrivateKeyPem = Output.CreateSecret(PrivateKeyPem);
    }

    /// <summary>The certificate in PEM, ending in a newline.</summary>
    [Output("certPem")]
    public Output<string> CertPem { get; private set; } = null!;

    /// <summary>The algorithm of the private key (<c>RSA</c>, <c>ECDSA</c>, <c>ED25519</c>).</summary>
    [Output("keyAlgorithm")]
    public Output<string> KeyAlgorithm { get; private set; } = null!;

    /// <summary>The start of validity (RFC 3339, UTC).</summary>
    [Output("validityStartTime")]
    public Output<string> ValidityStartTime { get; private set; } = null!;

    /// <summary>The end of validity (RFC 3339, UTC).</summary>
    [Output("validityEndTime")]
    public Output<string> ValidityEndTime { get; private set; } = null!;

    /// <summary>Whether the certificate has expired or is inside its early renewal window.</summary>
    [Output("readyForRenewal")]
    public Output<bool> ReadyForRenewal { get; private set; } = null!;

    /// <summary>The private key PEM it was issued for. Secret.</summary>
    [Output("privateKeyPem")]
    public Output<string> PrivateKeyPem { get; private set; } = null!;

    /// <summary>The validity in hours.</summary>
    [Output("validityPeriodHours")]
    public Output<int> ValidityPeriodHours { get; private set; } = null!;

    /// <summary>The early renewal window in hours.</summary>
    [Output("earlyRenewalHours")]
    public Output<int> EarlyRenewalHours { get; private set; } = null!;

    /// <summary>The allowed uses.</summary>
    [Output("allowedUses")]
    public Output<ImmutableArray<AllowedUse>> AllowedUses { get; private set; } = null!;

    /// <summary>The subject, when one was given.</summary>
    [Output("subject")]
    public Output<CertificateSubject?> Subject { get; private set; } = null!;

    /// <summary>DNS names.</summary>
    [Output("dnsNames")]
    public Output<ImmutableArray<string>> DnsNames { get; private set; } = null!;

    /// <summary>IP addresses.</summary>
    [Output("ipAddresses")]
    public Output<ImmutableArray<string>> IpAddresses { get; private set; } = null!;

    /// <summary>URIs.</summary>
    [Output("uris")]
    public Output<ImmutableArray<string>> Uris { get; private set; } = null!;

    /// <summary>Whether it is a CA.</summary>
    [Output("isCaCertificate")]
    public Output<bool> IsCaCertificate { get; private set; } = null!;

    /// <summary>The path length constraint.</summary>
    [Output("maxPathLength")]
    public Output<int> MaxPathLength { get; private set; } = null!;

    /// <summary>Whether a subject key identifier is included.</summary>
    [Output("setSubjectKeyId")]
    public Output<bool> SetSubjectKeyId { get; private set; } = null!;

    /// <summary>Whether an authority key identifier is included.</summary>
    [Output("setAuthorityKeyId")]
    public Output<bool> SetAuthorityKeyId { get; private set; } = null!;
}
