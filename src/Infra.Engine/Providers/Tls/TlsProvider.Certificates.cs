using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary>Self-signed certificates, certificate requests and locally signed certificates.</summary>
internal sealed partial class TlsProvider
{
    private static CheckResult CheckSelfSignedCert(ImmutableSortedDictionary<string, PropertyValue> news)
    {
        var inputs = new TlsInputs(news);
        using (ReadKey(inputs, PrivateKeyPemKey))
        {
        }

        var spec = TlsCertificateSpec.ReadCertificate(inputs, withNames: true, withAuthorityKeyId: true);
        var flagsKnown = !inputs.IsUnknown("isCaCertificate") && !inputs.IsUnknown("setSubjectKeyId") && !inputs.IsUnknown("setAuthorityKeyId");
        if (spec.IsCaCertificate && (spec.Subject?.IsEmpty ?? true) && !inputs.IsUnknown("subject") && flagsKnown)
        {
            inputs.Fail("subject", "must contain at least one attribute when isCaCertificate is true (RFC 5280 §4.1.2.6)");
        }

        if (spec.SetAuthorityKeyId && !spec.IsCaCertificate && !spec.SetSubjectKeyId && flagsKnown)
        {
            inputs.Fail("setAuthorityKeyId", "needs a subject key identifier: set setSubjectKeyId or isCaCertificate to true (was true)");
        }

        return new CheckResult { Inputs = CertificateDefaults(news, withAuthorityKeyId: true), Failures = inputs.Failures };
    }

    private static CheckResult CheckCertRequest(ImmutableSortedDictionary<string, PropertyValue> news)
    {
        var inputs = new TlsInputs(news);
        using (ReadKey(inputs, PrivateKeyPemKey))
        {
        }

        TlsCertificateSpec.ReadNames(inputs);
        return new CheckResult { Inputs = news, Failures = inputs.Failures };
    }

    private static CheckResult CheckLocallySignedCert(ImmutableSortedDictionary<string, PropertyValue> news)
    {
        var inputs = new TlsInputs(news);
        using var caKey = ReadKey(inputs, CaPrivateKeyPemKey);
        using var caCert = ReadCertificate(inputs, "caCertPem");
        if (caKey is not null && caCert is not null && !caKey.Matches(caCert.PublicKey))
        {
            inputs.Fail(CaPrivateKeyPemKey, "must be the private key of caCertPem (their public keys differ)");
        }

        var request = ReadRequest(inputs, caKey?.SignatureHash ?? HashAlgorithmName.SHA256);
        var spec = TlsCertificateSpec.ReadCertificate(inputs, withNames: false, withAuthorityKeyId: false);
        if (request is not null && spec.IsCaCertificate && TlsSubject.IsEmptyName(request.SubjectName))
        {
            inputs.Fail("certRequestPem", "must have a subject when isCaCertificate is true (RFC 5280 §4.1.2.6)");
        }

        return new CheckResult { Inputs = CertificateDefaults(news, withAuthorityKeyId: false), Failures = inputs.Failures };
    }

    private CreateResult CreateSelfSignedCert(ImmutableSortedDictionary<string, PropertyValue> inputs, bool preview)
    {
        if (preview)
        {
            return PreviewCertificate(TlsNames.SelfSignedCertType, inputs, "keyAlgorithm");
        }

        var reader = new TlsInputs(inputs);
        using var key = ReadKey(reader, PrivateKeyPemKey);
        var spec = TlsCertificateSpec.ReadCertificate(reader, withNames: true, withAuthorityKeyId: true);
        ThrowIfInvalid("a tls self-signed certificate", reader);
        var issued = TlsCertificates.SelfSigned(key!, spec, Now);
        return CertificateResult(TlsNames.SelfSignedCertType, inputs, issued, "keyAlgorithm", key!.Algorithm);
    }

    private static CreateResult CreateCertRequest(ImmutableSortedDictionary<string, PropertyValue> inputs, bool preview)
    {
        var outputs = ProtectSecrets(TlsNames.CertRequestType, inputs);
        if (preview)
        {
            return new CreateResult
            {
                Id = null,
                Outputs = outputs.SetItem("certRequestPem", PropertyValue.Unknown).SetItem("keyAlgorithm", PropertyValue.Unknown),
            };
        }

        var reader = new TlsInputs(inputs);
        using var key = ReadKey(reader, PrivateKeyPemKey);
        var spec = TlsCertificateSpec.ReadNames(reader);
        ThrowIfInvalid("a tls certificate request", reader);
        var der = TlsCertificates.SigningRequest(key!, spec);
#pragma warning disable CA5350 // The ID format (hex SHA-1) is the real provider's, not a security measure.
        var id = Convert.ToHexStringLower(SHA1.HashData(der));
#pragma warning restore CA5350
        return new CreateResult
        {
            Id = id,
            Outputs = outputs
                .SetItem("certRequestPem", PropertyValue.Create(new string(PemEncoding.Write("CERTIFICATE REQUEST", der)) + "\n"))
                .SetItem("keyAlgorithm", PropertyValue.Create(key!.Algorithm)),
        };
    }

    private CreateResult CreateLocallySignedCert(ImmutableSortedDictionary<string, PropertyValue> inputs, bool preview)
    {
        if (preview)
        {
            return PreviewCertificate(TlsNames.LocallySignedCertType, inputs, "caKeyAlgorithm");
        }

        var reader = new TlsInputs(inputs);
        using var caKey = ReadKey(reader, CaPrivateKeyPemKey);
        using var caCert = ReadCertificate(reader, "caCertPem");
        var request = ReadRequest(reader, caKey?.SignatureHash ?? HashAlgorithmName.SHA256);
        var spec = TlsCertificateSpec.ReadCertificate(reader, withNames: false, withAuthorityKeyId: false);
        ThrowIfInvalid("a tls locally signed certificate", reader);
        var issued = TlsCertificates.LocallySigned(request!, caKey!, caCert!, spec, Now);
        return CertificateResult(TlsNames.LocallySignedCertType, inputs, issued, "caKeyAlgorithm", caKey!.Algorithm);
    }

    private static ImmutableSortedDictionary<string, PropertyValue> CertificateDefaults(
        ImmutableSortedDictionary<string, PropertyValue> news, bool withAuthorityKeyId)
    {
        var filled = WithDefault(news, EarlyRenewalHoursKey, PropertyValue.Create(0));
        filled = WithDefault(filled, "isCaCertificate", PropertyValue.False);
        filled = WithDefault(filled, "setSubjectKeyId", PropertyValue.False);
        return withAuthorityKeyId ? WithDefault(filled, "setAuthorityKeyId", PropertyValue.False) : filled;
    }

    private static CreateResult PreviewCertificate(string type, ImmutableSortedDictionary<string, PropertyValue> inputs, string algorithmKey) => new()
    {
        Id = null,
        Outputs = ProtectSecrets(type, inputs)
            .SetItem(CertPemKey, PropertyValue.Unknown)
            .SetItem(algorithmKey, PropertyValue.Unknown)
            .SetItem(ValidityStartTimeKey, PropertyValue.Unknown)
            .SetItem(ValidityEndTimeKey, PropertyValue.Unknown)
            .SetItem(ReadyForRenewalKey, PropertyValue.False),
    };

    private static CreateResult CertificateResult(
        string type,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        TlsIssuedCertificate issued,
        string algorithmKey,
        string algorithm) => new()
        {
            Id = issued.Serial,
            Outputs = ProtectSecrets(type, inputs)
                .SetItem(CertPemKey, PropertyValue.Create(issued.CertPem))
                .SetItem(algorithmKey, PropertyValue.Create(algorithm))
                .SetItem(ValidityStartTimeKey, PropertyValue.Create(issued.ValidityStartTime))
                .SetItem(ValidityEndTimeKey, PropertyValue.Create(issued.ValidityEndTime))
                .SetItem(ReadyForRenewalKey, PropertyValue.False),
        };

    /// <summary>Parses the private key PEM in <paramref name="key"/>; null (with a failure when it is bad) when missing, unknown or invalid.</summary>
    private static TlsKey? ReadKey(TlsInputs inputs, string key)
    {
        var pem = inputs.String(key, required: true);
        if (pem is null)
        {
            return null;
        }

        try
        {
            return TlsKey.ParsePrivateKeyPem(pem);
        }
        catch (TlsKeyException e)
        {
            inputs.Fail(key, $"must be a PEM private key (RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY): {e.Message}");
            return null;
        }
    }

    private static X509Certificate2? ReadCertificate(TlsInputs inputs, string key)
    {
        var pem = inputs.String(key, required: true);
        if (pem is null)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            inputs.Fail(key, "must be a PEM certificate (-----BEGIN CERTIFICATE-----)");
            return null;
        }
    }

    private static CertificateRequest? ReadRequest(TlsInputs inputs, HashAlgorithmName signerHash)
    {
        var pem = inputs.String("certRequestPem", required: true);
        if (pem is null)
        {
            return null;
        }

        try
        {
            return TlsCertificates.LoadRequest(pem, signerHash);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException or System.Formats.Asn1.AsnContentException)
        {
            inputs.Fail("certRequestPem", "must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----) with a valid signature");
            return null;
        }
    }
}
