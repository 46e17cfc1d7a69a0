using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Infra.Engine.Providers.Tls;

/// <summary>The provider's <c>allowedUses</c> values: key usage flags and extended key usage OIDs.</summary>
internal static class TlsAllowedUses
{
    private static readonly FrozenDictionary<string, X509KeyUsageFlags> KeyUsages = new Dictionary<string, X509KeyUsageFlags>
    {
        ["digital_signature"] = X509KeyUsageFlags.DigitalSignature,
        ["content_commitment"] = X509KeyUsageFlags.NonRepudiation,
        ["key_encipherment"] = X509KeyUsageFlags.KeyEncipherment,
        ["data_encipherment"] = X509KeyUsageFlags.DataEncipherment,
        ["key_agreement"] = X509KeyUsageFlags.KeyAgreement,
        ["cert_signing"] = X509KeyUsageFlags.KeyCertSign,
        ["crl_signing"] = X509KeyUsageFlags.CrlSign,
        ["encipher_only"] = X509KeyUsageFlags.EncipherOnly,
        ["decipher_only"] = X509KeyUsageFlags.DecipherOnly,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ExtendedKeyUsages = new Dictionary<string, string>
    {
        ["any_extended"] = "2.5.29.37.0",
        ["server_auth"] = "1.3.6.1.5.5.7.3.1",
        ["client_auth"] = "1.3.6.1.5.5.7.3.2",
        ["code_signing"] = "1.3.6.1.5.5.7.3.3",
        ["email_protection"] = "1.3.6.1.5.5.7.3.4",
        ["ipsec_end_system"] = "1.3.6.1.5.5.7.3.5",
        ["ipsec_tunnel"] = "1.3.6.1.5.5.7.3.6",
        ["ipsec_user"] = "1.3.6.1.5.5.7.3.7",
        ["timestamping"] = "1.3.6.1.5.5.7.3.8",
        ["ocsp_signing"] = "1.3.6.1.5.5.7.3.9",
        ["microsoft_server_gated_crypto"] = "1.3.6.1.4.1.311.10.3.3",
        ["netscape_server_gated_crypto"] = "2.16.840.1.113730.4.1",
        ["microsoft_commercial_code_signing"] = "1.3.6.1.4.1.311.2.1.22",
        ["microsoft_kernel_code_signing"] = "1.3.6.1.4.1.311.61.1.1",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every accepted value, sorted (the order the provider documents them in).</summary>
    public static IReadOnlyList<string> All { get; } = [.. KeyUsages.Keys.Concat(ExtendedKeyUsages.Keys).Order(StringComparer.Ordinal)];

    public static bool IsKnown(string value) => KeyUsages.ContainsKey(value) || ExtendedKeyUsages.ContainsKey(value);

    /// <summary>The key usage flags of <paramref name="uses"/> (none when no key usage is listed).</summary>
    public static X509KeyUsageFlags KeyUsageOf(IEnumerable<string> uses) =>
        uses.Aggregate(X509KeyUsageFlags.None, (flags, use) => flags | KeyUsages.GetValueOrDefault(use));

    /// <summary>The extended key usage OIDs of <paramref name="uses"/>, in the order given.</summary>
    public static OidCollection ExtendedKeyUsageOf(IEnumerable<string> uses)
    {
        var oids = new OidCollection();
        foreach (var use in uses)
        {
            if (ExtendedKeyUsages.TryGetValue(use, out var oid))
            {
                oids.Add(new Oid(oid));
            }
        }

        return oids;
    }
}
