using System.Text.Json.Serialization;

namespace Infra.Tls;

/// <summary>The result of <see cref="TlsFunctions.GetPublicKey"/>.</summary>
public sealed class GetPublicKeyResult
{
    /// <summary>The hex SHA-1 of the DER public key.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The key algorithm (<c>RSA</c>, <c>ECDSA</c>, <c>ED25519</c>).</summary>
    [JsonPropertyName("algorithm")]
    public string Algorithm { get; init; } = string.Empty;

    /// <summary>The public key in PKIX PEM, ending in a newline.</summary>
    [JsonPropertyName("publicKeyPem")]
    public string PublicKeyPem { get; init; } = string.Empty;

    /// <summary>The public key in OpenSSH form, ending in a newline; empty for ECDSA P224.</summary>
    [JsonPropertyName("publicKeyOpenssh")]
    public string PublicKeyOpenssh { get; init; } = string.Empty;

    /// <summary>The OpenSSH MD5 fingerprint; empty for ECDSA P224.</summary>
    [JsonPropertyName("publicKeyFingerprintMd5")]
    public string PublicKeyFingerprintMd5 { get; init; } = string.Empty;

    /// <summary>The OpenSSH SHA-256 fingerprint; empty for ECDSA P224.</summary>
    [JsonPropertyName("publicKeyFingerprintSha256")]
    public string PublicKeyFingerprintSha256 { get; init; } = string.Empty;
}
