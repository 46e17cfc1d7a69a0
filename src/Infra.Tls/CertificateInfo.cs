using System.Text.Json.Serialization;

namespace Infra.Tls;

/// <summary>One certificate described by <see cref="TlsFunctions.GetCertificate"/>.</summary>
public sealed class CertificateInfo
{
    /// <summary>The certificate in PEM, ending in a newline.</summary>
    [JsonPropertyName("certPem")]
    public string CertPem { get; init; } = string.Empty;

    /// <summary>Whether it is a CA.</summary>
    [JsonPropertyName("isCa")]
    public bool IsCa { get; init; }

    /// <summary>The issuer distinguished name (RFC 2253 form, e.g. <c>CN=root,O=lab</c>).</summary>
    [JsonPropertyName("issuer")]
    public string Issuer { get; init; } = string.Empty;

    /// <summary>The subject distinguished name (RFC 2253 form).</summary>
    [JsonPropertyName("subject")]
    public string Subject { get; init; } = string.Empty;

    /// <summary>The start of validity (RFC 3339).</summary>
    [JsonPropertyName("notBefore")]
    public string NotBefore { get; init; } = string.Empty;

    /// <summary>The end of validity (RFC 3339).</summary>
    [JsonPropertyName("notAfter")]
    public string NotAfter { get; init; } = string.Empty;

    /// <summary>The public key algorithm (<c>RSA</c>, <c>ECDSA</c>, <c>Ed25519</c>).</summary>
    [JsonPropertyName("publicKeyAlgorithm")]
    public string PublicKeyAlgorithm { get; init; } = string.Empty;

    /// <summary>The serial number in decimal.</summary>
    [JsonPropertyName("serialNumber")]
    public string SerialNumber { get; init; } = string.Empty;

    /// <summary>The SHA-1 fingerprint of the DER certificate, lower-case hex.</summary>
    [JsonPropertyName("sha1Fingerprint")]
    public string Sha1Fingerprint { get; init; } = string.Empty;

    /// <summary>The signature algorithm (e.g. <c>SHA256-RSA</c>, <c>ECDSA-SHA256</c>).</summary>
    [JsonPropertyName("signatureAlgorithm")]
    public string SignatureAlgorithm { get; init; } = string.Empty;

    /// <summary>The X.509 version (3).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }
}
