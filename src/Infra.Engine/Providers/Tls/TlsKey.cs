using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Infra.Engine.Providers.Tls;

/// <summary>
/// A private key of the tls provider (RSA or ECDSA on the NIST curves) with every encoding the real
/// provider outputs: PKCS#1/SEC 1 and PKCS#8 PEM, OpenSSH private and public forms, fingerprints, the
/// PKIX public key and its SHA-1 (the resource ID). ED25519 uses the in-repo RFC 8032 implementation
/// (<see cref="Ed25519"/>) and is encoded as PKCS#8 (RFC 8410).
/// </summary>
internal sealed class TlsKey : IDisposable
{
    private const string Ed25519Oid = "1.3.101.112";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    private TlsKey(RSA rsa)
    {
        Rsa = rsa;
        Algorithm = TlsNames.Rsa;
    }

    private TlsKey(ECDsa ecdsa, string curve)
    {
        Ecdsa = ecdsa;
        Algorithm = TlsNames.Ecdsa;
        Curve = curve;
    }

    private TlsKey(byte[] ed25519Seed)
    {
        Ed25519Seed = ed25519Seed;
        Ed25519PublicKey = Ed25519.PublicKeyOf(ed25519Seed);
        Algorithm = TlsNames.Ed25519;
    }

    /// <summary><c>RSA</c> or <c>ECDSA</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The curve name (<c>P224</c> …) of an ECDSA key, otherwise null.</summary>
    public string? Curve { get; }

    public RSA? Rsa { get; }

    public ECDsa? Ecdsa { get; }

    /// <summary>The 32-byte private seed of an ED25519 key, otherwise null.</summary>
    public byte[]? Ed25519Seed { get; }

    /// <summary>The 32-byte public key of an ED25519 key, otherwise null.</summary>
    public byte[]? Ed25519PublicKey { get; }

    /// <summary>The hash the real provider signs with for this key (SHA-256, or SHA-384/512 for P384/P521).</summary>
    public HashAlgorithmName SignatureHash => Curve switch
    {
        "P384" => HashAlgorithmName.SHA384,
        "P521" => HashAlgorithmName.SHA512,
        _ when Ed25519Seed is not null => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>Generates a new key.</summary>
    public static TlsKey Generate(string algorithm, int rsaBits, string curve) => algorithm switch
    {
        TlsNames.Rsa => new TlsKey(RSA.Create(rsaBits)),
        TlsNames.Ecdsa => new TlsKey(ECDsa.Create(ECCurve.CreateFromValue(TlsNames.CurveOid(curve))), curve),
        TlsNames.Ed25519 => new TlsKey(RandomNumberGenerator.GetBytes(Ed25519.KeySize)),
        _ => throw new TlsKeyException(Unsupported(algorithm)),
    };

    /// <summary>The message for an algorithm the built-in provider does not implement.</summary>
    public static string Unsupported(string algorithm) => $"unsupported key algorithm '{algorithm}'";

    /// <summary>Parses the first PEM block of <paramref name="text"/>: RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY (PKCS#8).</summary>
    public static TlsKey ParsePrivateKeyPem(string text)
    {
        var (label, der) = DecodePem(text);
        try
        {
            switch (label)
            {
                case "RSA PRIVATE KEY":
                    {
                        var rsa = RSA.Create();
                        rsa.ImportRSAPrivateKey(der, out _);
                        return new TlsKey(rsa);
                    }

                case "EC PRIVATE KEY":
                    {
                        var ecdsa = ECDsa.Create();
                        ecdsa.ImportECPrivateKey(der, out _);
                        return FromEcdsa(ecdsa);
                    }

                case "PRIVATE KEY":
                    return FromPkcs8(der);
                default:
                    throw new TlsKeyException(
                        $"the PEM block is '{label}', expected 'RSA PRIVATE KEY', 'EC PRIVATE KEY' or 'PRIVATE KEY'");
            }
        }
        catch (CryptographicException)
        {
            throw new TlsKeyException($"the '{label}' PEM block does not hold a valid key");
        }
    }

    /// <summary>Parses an unencrypted OpenSSH private key (<c>OPENSSH PRIVATE KEY</c>).</summary>
    public static TlsKey ParsePrivateKeyOpenSsh(string text)
    {
        var (label, data) = DecodePem(text);
        if (label != "OPENSSH PRIVATE KEY")
        {
            throw new TlsKeyException($"the PEM block is '{label}', expected 'OPENSSH PRIVATE KEY'");
        }

        try
        {
            return OpenSshKeyFormat.ReadPrivateKey(data);
        }
        catch (FormatException e)
        {
            throw new TlsKeyException($"the OpenSSH private key is malformed ({e.Message})");
        }
        catch (CryptographicException)
        {
            throw new TlsKeyException("the OpenSSH private key does not hold a valid key");
        }
    }

    /// <summary>Wraps an ED25519 private seed.</summary>
    public static TlsKey FromEd25519Seed(byte[] seed) => seed.Length == Ed25519.KeySize
        ? new TlsKey(seed)
        : throw new TlsKeyException("the ED25519 private key is not 32 bytes");

    /// <summary>The DER SubjectPublicKeyInfo of an ED25519 public key (RFC 8410).</summary>
    public static byte[] Ed25519SubjectPublicKeyInfo(byte[] publicKey) =>
        [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00, .. publicKey];

    /// <summary>Wraps an RSA key.</summary>
    public static TlsKey FromRsa(RSA rsa) => new(rsa);

    /// <summary>Wraps an ECDSA key on one of the NIST curves.</summary>
    public static TlsKey FromEcdsa(ECDsa ecdsa)
    {
        var oid = ecdsa.ExportParameters(false).Curve.Oid?.Value;
        var curve = TlsNames.CurveOfOid(oid);
        if (curve is null)
        {
            ecdsa.Dispose();
            throw new TlsKeyException("the ECDSA key is not on a supported curve (P224, P256, P384, P521)");
        }

        return new TlsKey(ecdsa, curve);
    }

    /// <summary>The algorithm name of a certificate's or request's public key (<c>RSA</c>, <c>ECDSA</c>, <c>ED25519</c>).</summary>
    public static string AlgorithmOf(PublicKey publicKey) => publicKey.Oid.Value switch
    {
        RsaOid => TlsNames.Rsa,
        EcOid => TlsNames.Ecdsa,
        Ed25519Oid => TlsNames.Ed25519,
        var other => other ?? "unknown",
    };

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo => Ed25519PublicKey is { } ed
        ? Ed25519SubjectPublicKeyInfo(ed)
        : ((AsymmetricAlgorithm?)Rsa ?? Ecdsa!).ExportSubjectPublicKeyInfo();

    /// <summary>The resource ID: lower-case hex SHA-1 of the DER public key.</summary>
#pragma warning disable CA5350, CA5351 // SHA-1 and MD5 are identifiers and fingerprints the real provider defines, not security measures.
    public string Id => Convert.ToHexStringLower(SHA1.HashData(SubjectPublicKeyInfo));

    /// <summary>PKCS#1 (RSA) or SEC 1 (ECDSA) PEM, ending in a newline.</summary>
    public string PrivateKeyPem => Rsa is not null ? Rsa.ExportRSAPrivateKeyPem() + "\n"
        : Ecdsa is not null ? Ecdsa.ExportECPrivateKeyPem() + "\n"
        : PrivateKeyPemPkcs8;

    /// <summary>PKCS#8 PEM, ending in a newline.</summary>
    public string PrivateKeyPemPkcs8 => Ed25519Seed is { } seed
        ? new string(PemEncoding.Write("PRIVATE KEY", [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, .. seed])) + "\n"
        : ((AsymmetricAlgorithm?)Rsa ?? Ecdsa!).ExportPkcs8PrivateKeyPem() + "\n";

    /// <summary>PKIX PEM (<c>PUBLIC KEY</c>), ending in a newline.</summary>
    public string PublicKeyPem => new string(PemEncoding.Write("PUBLIC KEY", SubjectPublicKeyInfo)) + "\n";

    /// <summary>The SSH public key blob, or null when OpenSSH cannot represent the key (ECDSA P224).</summary>
    public byte[]? SshPublicKeyBlob => OpenSshKeyFormat.PublicKeyBlob(this);

    /// <summary>The authorized_keys line (<c>ssh-rsa AAAA…\n</c>), or empty for ECDSA P224.</summary>
    public string PublicKeyOpenSsh => SshPublicKeyBlob is { } blob
        ? $"{OpenSshKeyFormat.KeyType(this)} {Convert.ToBase64String(blob)}\n"
        : string.Empty;

    /// <summary>The OpenSSH private key PEM, or empty for ECDSA P224.</summary>
    public string PrivateKeyOpenSsh => OpenSshKeyFormat.WritePrivateKey(this);

    /// <summary>The legacy MD5 fingerprint <c>aa:bb:…</c>, or empty for ECDSA P224.</summary>
    public string FingerprintMd5 => SshPublicKeyBlob is { } blob
        ? string.Join(':', MD5.HashData(blob).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))
        : string.Empty;

    /// <summary>The SHA-256 fingerprint <c>SHA256:…</c> (unpadded base64), or empty for ECDSA P224.</summary>
    public string FingerprintSha256 => SshPublicKeyBlob is { } blob
        ? "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=')
        : string.Empty;

    /// <summary>The subject key identifier the real provider computes: SHA-1 of the PKCS#1 public key (RSA) or the uncompressed point (ECDSA).</summary>
    public byte[] SubjectKeyIdentifier => SHA1.HashData(
        Rsa is not null ? Rsa.ExportRSAPublicKey() : Ecdsa is not null ? UncompressedPoint() : [0x04, 0x20, .. Ed25519PublicKey!]);

#pragma warning restore CA5350, CA5351

    /// <summary>The uncompressed EC point 04 || X || Y.</summary>
    public byte[] UncompressedPoint()
    {
        var q = Ecdsa!.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    /// <summary>A signature generator for certificates signed with this key.</summary>
    public X509SignatureGenerator SignatureGenerator() => Rsa is not null
        ? X509SignatureGenerator.CreateForRSA(Rsa, RSASignaturePadding.Pkcs1)
        : Ecdsa is not null
            ? X509SignatureGenerator.CreateForECDsa(Ecdsa)
            : new Ed25519SignatureGenerator(Ed25519Seed!, Ed25519PublicKey!);

    /// <summary>A certificate request for <paramref name="subject"/> with this key's public key and signature hash.</summary>
    public CertificateRequest CreateRequest(X500DistinguishedName subject) => Rsa is not null
        ? new CertificateRequest(subject, Rsa, SignatureHash, RSASignaturePadding.Pkcs1)
        : Ecdsa is not null
            ? new CertificateRequest(subject, Ecdsa, SignatureHash)
            : new CertificateRequest(subject, PublicKey.CreateFromSubjectPublicKeyInfo(SubjectPublicKeyInfo, out _), SignatureHash);

    /// <summary>Whether <paramref name="publicKey"/> is this key's public key.</summary>
    public bool Matches(PublicKey publicKey) =>
        publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(SubjectPublicKeyInfo);

    public void Dispose()
    {
        Rsa?.Dispose();
        Ecdsa?.Dispose();
        if (Ed25519Seed is not null)
        {
            CryptographicOperations.ZeroMemory(Ed25519Seed);
        }
    }

    private static (string Label, byte[] Data) DecodePem(string text)
    {
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new TlsKeyException("no PEM block found (expected -----BEGIN …----- / -----END …-----)");
        }

        var label = text[fields.Label];
        var data = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text.AsSpan()[fields.Base64Data], data, out var written))
        {
            throw new TlsKeyException($"the '{label}' PEM block is not valid base64");
        }

        return (label, data[..written]);
    }

    private static TlsKey FromPkcs8(byte[] der)
    {
        string algorithmOid;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            outer.ReadInteger();
            algorithmOid = outer.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            throw new TlsKeyException("the 'PRIVATE KEY' PEM block is not a PKCS#8 structure");
        }

        switch (algorithmOid)
        {
            case RsaOid:
                {
                    var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(der, out _);
                    return new TlsKey(rsa);
                }

            case EcOid:
                {
                    var ecdsa = ECDsa.Create();
                    ecdsa.ImportPkcs8PrivateKey(der, out _);
                    return FromEcdsa(ecdsa);
                }

            case Ed25519Oid:
                try
                {
                    var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
                    outer.ReadInteger();
                    outer.ReadSequence();
                    var inner = outer.ReadOctetString();
                    return FromEd25519Seed(new AsnReader(inner, AsnEncodingRules.DER).ReadOctetString());
                }
                catch (AsnContentException)
                {
                    throw new TlsKeyException("the ED25519 'PRIVATE KEY' PEM block is malformed");
                }
            default:
                throw new TlsKeyException($"the PKCS#8 key algorithm {algorithmOid} is not supported (RSA or ECDSA)");
        }
    }

    internal static byte[] FixedLength(byte[] unsignedBigEndian, int length)
    {
        if (unsignedBigEndian.Length == length)
        {
            return unsignedBigEndian;
        }

        if (unsignedBigEndian.Length > length)
        {
            throw new FormatException("a key component is longer than its modulus");
        }

        var result = new byte[length];
        unsignedBigEndian.CopyTo(result, length - unsignedBigEndian.Length);
        return result;
    }

    internal static byte[] ToUnsigned(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);

    internal static BigInteger FromUnsigned(byte[] value) => new(value, isUnsigned: true, isBigEndian: true);

    internal static string Ascii(byte[] bytes) => Encoding.ASCII.GetString(bytes);
}
