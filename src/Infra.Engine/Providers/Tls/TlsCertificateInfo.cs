using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary>Describes a certificate the way <c>getCertificate</c> reports it (names and formats as the real provider prints them).</summary>
internal static class TlsCertificateInfo
{
    /// <summary>The certificate's fields as a property object.</summary>
    public static PropertyValue Describe(X509Certificate2 certificate)
    {
        var basic = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        return PropertyValue.CreateObject(new Dictionary<string, PropertyValue>
        {
            ["certPem"] = PropertyValue.Create(certificate.ExportCertificatePem() + "\n"),
            ["isCa"] = PropertyValue.Create(basic?.CertificateAuthority ?? false),
            ["issuer"] = PropertyValue.Create(Format(certificate.IssuerName)),
            ["subject"] = PropertyValue.Create(Format(certificate.SubjectName)),
            ["notBefore"] = PropertyValue.Create(TlsCertificates.Rfc3339(new DateTimeOffset(certificate.NotBefore.ToUniversalTime()))),
            ["notAfter"] = PropertyValue.Create(TlsCertificates.Rfc3339(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()))),
            ["publicKeyAlgorithm"] = PropertyValue.Create(PublicKeyAlgorithm(certificate.PublicKey)),
            ["serialNumber"] = PropertyValue.Create(
                new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture)),
            ["sha1Fingerprint"] = PropertyValue.Create(certificate.GetCertHashString(HashAlgorithmName.SHA1).ToLowerInvariant()),
            ["signatureAlgorithm"] = PropertyValue.Create(SignatureAlgorithm(certificate.SignatureAlgorithm.Value)),
            ["version"] = PropertyValue.Create(certificate.Version),
        });
    }

    /// <summary>An RFC 2253 style name, most specific first (<c>CN=leaf,O=lab</c>).</summary>
    public static string Format(X500DistinguishedName name)
    {
        var parts = new List<string>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: true))
        {
            if (rdn.HasMultipleElements)
            {
                parts.Add(rdn.RawData.Span.Length == 0 ? string.Empty : "#" + Convert.ToHexStringLower(rdn.RawData.Span));
                continue;
            }

            var type = rdn.GetSingleElementType().Value;
            var value = rdn.GetSingleElementValue() ?? string.Empty;
            parts.Add($"{ShortName(type)}={Escape(value)}");
        }

        return string.Join(',', parts);
    }

    private static string ShortName(string? oid) => oid switch
    {
        "2.5.4.6" => "C",
        "2.5.4.8" => "ST",
        "2.5.4.7" => "L",
        "2.5.4.9" => "STREET",
        "2.5.4.17" => "POSTALCODE",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.3" => "CN",
        "2.5.4.5" => "SERIALNUMBER",
        _ => oid ?? "?",
    };

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escape = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (i == 0 && c is ' ' or '#')
                || (i == value.Length - 1 && c == ' ');
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string PublicKeyAlgorithm(PublicKey key) => TlsKey.AlgorithmOf(key) switch
    {
        TlsNames.Ed25519 => "Ed25519",
        var other => other,
    };

    private static string SignatureAlgorithm(string? oid) => oid switch
    {
        "1.2.840.113549.1.1.5" => "SHA1-RSA",
        "1.2.840.113549.1.1.11" => "SHA256-RSA",
        "1.2.840.113549.1.1.12" => "SHA384-RSA",
        "1.2.840.113549.1.1.13" => "SHA512-RSA",
        "1.2.840.113549.1.1.10" => "SHA256-RSAPSS",
        "1.2.840.10045.4.1" => "ECDSA-SHA1",
        "1.2.840.10045.4.3.2" => "ECDSA-SHA256",
        "1.2.840.10045.4.3.3" => "ECDSA-SHA384",
        "1.2.840.10045.4.3.4" => "ECDSA-SHA512",
        "1.3.101.112" => "Ed25519",
        _ => oid ?? "0",
    };
}
