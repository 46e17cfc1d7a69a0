using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Infra.Tls;

/// <summary>The subject of a certificate or request as the provider reports it.</summary>
public sealed class CertificateSubject
{
    /// <summary>CN.</summary>
    [JsonPropertyName("commonName")]
    public string? CommonName { get; init; }

    /// <summary>O.</summary>
    [JsonPropertyName("organization")]
    public string? Organization { get; init; }

    /// <summary>OU.</summary>
    [JsonPropertyName("organizationalUnit")]
    public string? OrganizationalUnit { get; init; }

    /// <summary>STREET.</summary>
    [JsonPropertyName("streetAddresses")]
    public ImmutableArray<string> StreetAddresses { get; init; } = [];

    /// <summary>L.</summary>
    [JsonPropertyName("locality")]
    public string? Locality { get; init; }

    /// <summary>ST.</summary>
    [JsonPropertyName("province")]
    public string? Province { get; init; }

    /// <summary>C.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>postalCode.</summary>
    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary>SERIALNUMBER.</summary>
    [JsonPropertyName("serialNumber")]
    public string? SerialNumber { get; init; }

    /// <summary>emailAddress.</summary>
    [JsonPropertyName("emailAddress")]
    public string? EmailAddress { get; init; }
}
