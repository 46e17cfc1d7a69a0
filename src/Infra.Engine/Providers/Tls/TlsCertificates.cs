using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Infra.Engine.Providers.Tls;

/// <summary>
/// Issues certificates and requests the way the real provider does: a random 128-bit serial, validity from
/// "now" (whole seconds) for the given hours, critical basic constraints on every certificate, critical key
/// usage when any is allowed, extended key usages, subject alternative names (critical when the subject is
/// empty), and Go-compatible key identifiers.
/// </summary>
internal static class TlsCertificates
{
    private const string SubjectAltNameOid = "2.5.29.17";
    private const string Ed25519Oid = "1.3.101.112";

    /// <summary>Formats a time as the provider does (RFC 3339, UTC, whole seconds).</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Issues a self-signed certificate for <paramref name="key"/>.</summary>
    public static TlsIssuedCertificate SelfSigned(TlsKey key, TlsCertificateSpec spec, DateTimeOffset now)
    {
        var subject = (spec.Subject ?? new TlsSubject()).ToDistinguishedName();
        var request = key.CreateRequest(subject);
        var subjectKeyId = spec.IsCaCertificate || spec.SetSubjectKeyId ? key.SubjectKeyIdentifier : null;
        var authorityKeyId = spec.SetAuthorityKeyId
            ? subjectKeyId ?? throw new InvalidOperationException("setAuthorityKeyId needs a subject key identifier (set setSubjectKeyId or isCaCertificate)")
            : null;
        AddExtensions(request, spec, subjectKeyId, authorityKeyId, sanFromRequest: null);
        return Issue(request, subject, key.SignatureGenerator(), spec.ValidityPeriodHours, now);
    }

    /// <summary>Signs <paramref name="request"/> (loaded from a CSR) with the CA key and certificate.</summary>
    public static TlsIssuedCertificate LocallySigned(CertificateRequest request, TlsKey caKey, X509Certificate2 caCert, TlsCertificateSpec spec, DateTimeOffset now)
    {
        var san = request.CertificateExtensions.FirstOrDefault(e => e.Oid?.Value == SubjectAltNameOid);
        request.CertificateExtensions.Clear();
        var subjectKeyId = spec.IsCaCertificate || spec.SetSubjectKeyId ? SubjectKeyIdOf(request.PublicKey) : null;
        var authorityKeyId = caCert.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.ToArray();
        AddExtensions(request, spec, subjectKeyId, authorityKeyId, san);
        return Issue(request, caCert.SubjectName, caKey.SignatureGenerator(), spec.ValidityPeriodHours, now);
    }

    /// <summary>Creates a PKCS#10 request (DER) carrying the subject alternative names.</summary>
    public static byte[] SigningRequest(TlsKey key, TlsCertificateSpec spec)
    {
        var subject = (spec.Subject ?? new TlsSubject()).ToDistinguishedName();
        var request = key.CreateRequest(subject);
        if (BuildSubjectAlternativeNames(spec, critical: false) is { } san)
        {
            request.CertificateExtensions.Add(san);
        }

        return request.CreateSigningRequest(key.SignatureGenerator());
    }

    /// <summary>Loads a CSR PEM and verifies its signature (ED25519 ones with <see cref="Ed25519"/>); signing uses <paramref name="signerHash"/>.</summary>
    public static CertificateRequest LoadRequest(string pem, HashAlgorithmName signerHash)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != "CERTIFICATE REQUEST")
        {
            throw new CryptographicException("no CERTIFICATE REQUEST PEM block");
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var info = outer.ReadEncodedValue().ToArray();
        var algorithm = outer.ReadSequence().ReadObjectIdentifier();
        var signature = outer.ReadBitString(out _);
        if (algorithm != Ed25519Oid)
        {
            return CertificateRequest.LoadSigningRequestPem(pem, signerHash, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions, RSASignaturePadding.Pkcs1);
        }

        var request = CertificateRequest.LoadSigningRequest(
            der,
            signerHash,
            CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions | CertificateRequestLoadOptions.SkipSignatureValidation,
            RSASignaturePadding.Pkcs1);
        if (request.PublicKey.Oid.Value != Ed25519Oid || !Ed25519.Verify(request.PublicKey.EncodedKeyValue.RawData, info, signature))
        {
            throw new CryptographicException("the ED25519 request signature does not verify");
        }

        return request;
    }

    /// <summary>The Go-compatible subject key identifier: SHA-1 of the public key bits (PKCS#1 for RSA, the point for ECDSA).</summary>
    public static byte[] SubjectKeyIdOf(PublicKey publicKey)
    {
#pragma warning disable CA5350 // SHA-1 is what RFC 5280 §4.2.1.2 method 1 and the real provider use for key identifiers.
        var bits = publicKey.EncodedKeyValue.RawData;
        return SHA1.HashData(publicKey.Oid.Value == Ed25519Oid ? [0x04, (byte)bits.Length, .. bits] : bits);
#pragma warning restore CA5350
    }

    private static void AddExtensions(CertificateRequest request, TlsCertificateSpec spec, byte[]? subjectKeyId, byte[]? authorityKeyId, X509Extension? sanFromRequest)
    {
        var keyUsage = TlsAllowedUses.KeyUsageOf(spec.AllowedUses);
        if (keyUsage != X509KeyUsageFlags.None)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(keyUsage, critical: true));
        }

        var extended = TlsAllowedUses.ExtendedKeyUsageOf(spec.AllowedUses);
        if (extended.Count > 0)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(extended, critical: false));
        }

        // The real provider only adds a path length when it is positive (0 means "unset" to Go's x509).
        var pathLength = spec.IsCaCertificate && spec.MaxPathLength > 0;
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            spec.IsCaCertificate, pathLength, pathLength ? (int)spec.MaxPathLength : 0, critical: true));

        if (subjectKeyId is not null)
        {
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(subjectKeyId, critical: false));
        }

        if (authorityKeyId is not null)
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(authorityKeyId));
        }

        var subjectEmpty = TlsSubject.IsEmptyName(request.SubjectName);
        var san = sanFromRequest is not null
            ? new X509Extension(sanFromRequest.Oid!, sanFromRequest.RawData, subjectEmpty)
            : BuildSubjectAlternativeNames(spec, subjectEmpty);
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }
    }

    private static X509Extension? BuildSubjectAlternativeNames(TlsCertificateSpec spec, bool critical)
    {
        if (spec.DnsNames.IsEmpty && spec.IpAddresses.IsEmpty && spec.Uris.IsEmpty)
        {
            return null;
        }

        var builder = new SubjectAlternativeNameBuilder();
        foreach (var dns in spec.DnsNames)
        {
            builder.AddDnsName(dns);
        }

        foreach (var ip in spec.IpAddresses)
        {
            builder.AddIpAddress(ip);
        }

        foreach (var uri in spec.Uris)
        {
            builder.AddUri(uri);
        }

        return builder.Build(critical);
    }

    private static TlsIssuedCertificate Issue(
        CertificateRequest request,
        X500DistinguishedName issuer,
        X509SignatureGenerator generator,
        long validityHours,
        DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var notAfter = notBefore.AddHours(validityHours);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        using var certificate = request.Create(issuer, generator, notBefore, notAfter, serial);
        var decimalSerial = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
        return new TlsIssuedCertificate(certificate.ExportCertificatePem() + "\n", decimalSerial, Rfc3339(notBefore), Rfc3339(notAfter));
    }
}
