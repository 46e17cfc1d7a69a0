using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Infra.Tls;

/// <summary>The result of <see cref="TlsFunctions.GetCertificate"/>.</summary>
public sealed class GetCertificateResult
{
    /// <summary>The hex SHA-1 of the concatenated certificate fingerprints.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The certificates, in the order given (leaf first for a chain).</summary>
    [JsonPropertyName("certificates")]
    public ImmutableArray<CertificateInfo> Certificates { get; init; } = [];
}
