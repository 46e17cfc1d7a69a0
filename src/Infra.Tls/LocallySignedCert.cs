using System.Collections.Immutable;

namespace Infra.Tls;

/// <summary>
/// A certificate signed by a CA key the program holds (<c>tls:index/locallySignedCert:LocallySignedCert</c>).
/// The ID is the decimal serial number. Inside <c>earlyRenewalHours</c> of expiry a preview plans a
/// replacement. Deleting it only removes it from state.
/// </summary>
public sealed class LocallySignedCert : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "tls:index/locallySignedCert:LocallySignedCert";

    /// <summary>Registers a locally signed certificate.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options (not modified).</param>
    public LocallySignedCert(string name, LocallySignedCertArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, TlsResourceOptions.WithSecretOutputs(options, "caPrivateKeyPem"), TlsPackage.Version)
    {
        CaPrivateKeyPem = Output.CreateSecret(CaPrivateKeyPem);
    }

    /// <summary>The certificate in PEM, ending in a newline.</summary>
    [Output("certPem")]
    public Output<string> CertPem { get; private set; } = null!;

    /// <summary>The algorithm of the CA's private key.</summary>
    [Output("caKeyAlgorithm")]
    public Output<string> CaKeyAlgorithm { get; private set; } = null!;

    /// <summary>The start of validity (RFC 3339, UTC).</summary>
    [Output("validityStartTime")]
    public Output<string> ValidityStartTime { get; private set; } = null!;

    /// <summary>The end of validity (RFC 3339, UTC).</summary>
    [Output("validityEndTime")]
    public Output<string> ValidityEndTime { get; private set; } = null!;

    /// <summary>Whether the certificate has expired or is inside its early renewal window.</summary>
    [Output("readyForRenewal")]
    public Output<bool> ReadyForRenewal { get; private set; } = null!;

    /// <summary>The request that was signed.</summary>
    [Output("certRequestPem")]
    public Output<string> CertRequestPem { get; private set; } = null!;

    /// <summary>The CA's private key PEM. Secret.</summary>
    [Output("caPrivateKeyPem")]
    public Output<string> CaPrivateKeyPem { get; private set; } = null!;

    /// <summary>The CA certificate PEM.</summary>
    [Output("caCertPem")]
    public Output<string> CaCertPem { get; private set; } = null!;

    /// <summary>The validity in hours.</summary>
    [Output("validityPeriodHours")]
    public Output<int> ValidityPeriodHours { get; private set; } = null!;

    /// <summary>The early renewal window in hours.</summary>
    [Output("earlyRenewalHours")]
    public Output<int> EarlyRenewalHours { get; private set; } = null!;

    /// <summary>The allowed uses.</summary>
    [Output("allowedUses")]
    public Output<ImmutableArray<AllowedUse>> AllowedUses { get; private set; } = null!;

    /// <summary>Whether it is a CA.</summary>
    [Output("isCaCertificate")]
    public Output<bool> IsCaCertificate { get; private set; } = null!;

    /// <summary>The path length constraint.</summary>
    [Output("maxPathLength")]
    public Output<int> MaxPathLength { get; private set; } = null!;

    /// <summary>Whether a subject key identifier is included.</summary>
    [Output("setSubjectKeyId")]
    public Output<bool> SetSubjectKeyId { get; private set; } = null!;
}
