using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary>The functions <c>getPublicKey</c> and <c>getCertificate</c>.</summary>
internal sealed partial class TlsProvider
{
    private static InvokeResult GetPublicKey(ImmutableSortedDictionary<string, PropertyValue> args)
    {
        var inputs = new TlsInputs(args);
        var pem = inputs.String(PrivateKeyPemKey);
        var openssh = inputs.String("privateKeyOpenssh");
        if ((pem is null) == (openssh is null))
        {
            return new InvokeResult
            {
                Failures = [new CheckFailure(PrivateKeyPemKey, "exactly one of privateKeyPem or privateKeyOpenssh must be set")],
            };
        }

        TlsKey key;
        try
        {
            key = pem is not null ? TlsKey.ParsePrivateKeyPem(pem) : TlsKey.ParsePrivateKeyOpenSsh(openssh!);
        }
        catch (TlsKeyException e)
        {
            var property = pem is not null ? PrivateKeyPemKey : "privateKeyOpenssh";
            return new InvokeResult { Failures = [new CheckFailure(property, $"must be a private key: {e.Message}")] };
        }

        using (key)
        {
            var result = PropertyMaps.Empty
                .SetItem("id", PropertyValue.Create(key.Id))
                .SetItem("algorithm", PropertyValue.Create(key.Algorithm))
                .SetItem("publicKeyPem", PropertyValue.Create(key.PublicKeyPem))
                .SetItem("publicKeyOpenssh", PropertyValue.Create(key.PublicKeyOpenSsh))
                .SetItem("publicKeyFingerprintMd5", PropertyValue.Create(key.FingerprintMd5))
                .SetItem("publicKeyFingerprintSha256", PropertyValue.Create(key.FingerprintSha256));
            result = pem is not null ? result.SetItem(PrivateKeyPemKey, Secret(pem)) : result.SetItem("privateKeyOpenssh", Secret(openssh!));
            return new InvokeResult { Return = result };
        }
    }

    private static InvokeResult GetCertificate(ImmutableSortedDictionary<string, PropertyValue> args)
    {
        var inputs = new TlsInputs(args);
        var content = inputs.String("content");
        var url = inputs.String("url");
        if (url is not null)
        {
            return new InvokeResult
            {
                Failures = [new CheckFailure("url", $"is not supported by the built-in provider yet; pass the PEM as content (was \"{url}\")")],
            };
        }

        if (content is null)
        {
            return new InvokeResult { Failures = [new CheckFailure("content", "is required (one of content or url)")] };
        }

        var certificates = new List<PropertyValue>();
        var rest = content.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            if (label == "CERTIFICATE")
            {
                var der = Convert.FromBase64String(rest.Span[fields.Base64Data].ToString());
                try
                {
                    using var certificate = X509CertificateLoader.LoadCertificate(der);
                    certificates.Add(TlsCertificateInfo.Describe(certificate));
                }
                catch (CryptographicException)
                {
                    return new InvokeResult
                    {
                        Failures = [new CheckFailure($"content", $"certificate {certificates.Count + 1} is not a valid X.509 certificate")],
                    };
                }
            }

            rest = rest[fields.Location.End..];
        }

        if (certificates.Count == 0)
        {
            return new InvokeResult { Failures = [new CheckFailure("content", "must contain at least one PEM certificate (-----BEGIN CERTIFICATE-----)")] };
        }

#pragma warning disable CA5350 // The ID format (hex SHA-1) is an identifier, not a security measure.
        var id = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(content.Trim())));
#pragma warning restore CA5350
        return new InvokeResult
        {
            Return = PropertyMaps.Empty
                .SetItem("id", PropertyValue.Create(id))
                .SetItem("content", PropertyValue.Create(content))
                .SetItem("certificates", PropertyValue.CreateArray(certificates)),
        };
    }
}
