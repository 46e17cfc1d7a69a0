using System.Security.Cryptography;
using System.Text;

namespace Infra.Engine.Providers.Tls;

/// <summary>
/// The OpenSSH encodings of a key: the public key blob (RFC 4253 §6.6, RFC 5656 §3.1) and the unencrypted
/// <c>openssh-key-v1</c> private key format. OpenSSH has no P-224 curve, so those keys have no OpenSSH form.
/// </summary>
internal static class OpenSshKeyFormat
{
    private const string Magic = "openssh-key-v1\0";

    /// <summary>The SSH key type name, or null when the key has no OpenSSH form.</summary>
    public static string? KeyType(TlsKey key) => key.Curve switch
    {
        null when key.Ed25519Seed is not null => "ssh-ed25519",
        null => "ssh-rsa",
        "P256" => "ecdsa-sha2-nistp256",
        "P384" => "ecdsa-sha2-nistp384",
        "P521" => "ecdsa-sha2-nistp521",
        _ => null,
    };

    /// <summary>The public key blob, or null when the key has no OpenSSH form.</summary>
    public static byte[]? PublicKeyBlob(TlsKey key)
    {
        var type = KeyType(key);
        if (type is null)
        {
            return null;
        }

        var writer = new SshWireWriter();
        WritePublic(writer, key, type);
        return writer.ToArray();
    }

    /// <summary>The unencrypted private key PEM (<c>OPENSSH PRIVATE KEY</c>), or empty when the key has no OpenSSH form.</summary>
    public static string WritePrivateKey(TlsKey key)
    {
        var type = KeyType(key);
        if (type is null)
        {
            return string.Empty;
        }

        var check = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        var section = new SshWireWriter();
        section.WriteUInt32(check);
        section.WriteUInt32(check);
        section.WriteString(type);
        if (key.Rsa is { } rsa)
        {
            var p = rsa.ExportParameters(true);
            section.WriteMpint(p.Modulus);
            section.WriteMpint(p.Exponent);
            section.WriteMpint(p.D);
            section.WriteMpint(p.InverseQ);
            section.WriteMpint(p.P);
            section.WriteMpint(p.Q);
        }
        else if (key.Ecdsa is { } ecdsa)
        {
            var p = ecdsa.ExportParameters(true);
            section.WriteString(CurveName(key.Curve!));
            section.WriteString(key.UncompressedPoint());
            section.WriteMpint(p.D);
        }
        else
        {
            section.WriteString(key.Ed25519PublicKey!);
            section.WriteString([.. key.Ed25519Seed!, .. key.Ed25519PublicKey!]);
        }

        section.WriteString(string.Empty);
        for (byte pad = 1; section.Length % 8 != 0; pad++)
        {
            section.WriteRaw([pad]);
        }

        var writer = new SshWireWriter();
        writer.WriteRaw(Encoding.ASCII.GetBytes(Magic));
        writer.WriteString("none");
        writer.WriteString("none");
        writer.WriteString(string.Empty);
        writer.WriteUInt32(1);
        writer.WriteString(PublicKeyBlob(key));
        writer.WriteString(section.ToArray());
        return new string(PemEncoding.Write("OPENSSH PRIVATE KEY", writer.ToArray())) + "\n";
    }

    /// <summary>Reads an unencrypted <c>openssh-key-v1</c> private key (RSA or ECDSA).</summary>
    public static TlsKey ReadPrivateKey(byte[] data)
    {
        var magic = Encoding.ASCII.GetBytes(Magic);
        if (data.Length < magic.Length || !data.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            throw new FormatException("missing the openssh-key-v1 header");
        }

        var reader = new SshWireReader(data, magic.Length);
        var cipher = reader.ReadString();
        var kdf = reader.ReadString();
        reader.ReadBytes();
        if (cipher != "none" || kdf != "none")
        {
            throw new TlsKeyException("encrypted OpenSSH private keys are not supported (remove the passphrase)");
        }

        if (reader.ReadUInt32() != 1)
        {
            throw new FormatException("exactly one key is supported");
        }

        reader.ReadBytes();
        var section = new SshWireReader(reader.ReadBytes());
        if (section.ReadUInt32() != section.ReadUInt32())
        {
            throw new FormatException("the check integers differ");
        }

        var type = section.ReadString();
        switch (type)
        {
            case "ssh-rsa":
                {
                    var n = section.ReadMpint();
                    var e = section.ReadMpint();
                    var d = section.ReadMpint();
                    var iqmp = section.ReadMpint();
                    var p = section.ReadMpint();
                    var q = section.ReadMpint();
                    var half = (n.Length + 1) / 2;
                    var dValue = TlsKey.FromUnsigned(d);
                    var parameters = new RSAParameters
                    {
                        Modulus = n,
                        Exponent = e,
                        D = TlsKey.FixedLength(d, n.Length),
                        P = TlsKey.FixedLength(p, half),
                        Q = TlsKey.FixedLength(q, half),
                        DP = TlsKey.FixedLength(TlsKey.ToUnsigned(dValue % (TlsKey.FromUnsigned(p) - 1)), half),
                        DQ = TlsKey.FixedLength(TlsKey.ToUnsigned(dValue % (TlsKey.FromUnsigned(q) - 1)), half),
                        InverseQ = TlsKey.FixedLength(iqmp, half),
                    };
                    var rsa = RSA.Create();
                    rsa.ImportParameters(parameters);
                    return TlsKey.FromRsa(rsa);
                }

            case "ecdsa-sha2-nistp256":
            case "ecdsa-sha2-nistp384":
            case "ecdsa-sha2-nistp521":
                {
                    var curveName = section.ReadString();
                    var point = section.ReadBytes();
                    var d = section.ReadMpint();
                    var curve = curveName switch
                    {
                        "nistp256" => "P256",
                        "nistp384" => "P384",
                        "nistp521" => "P521",
                        _ => throw new FormatException($"unknown curve '{curveName}'"),
                    };
                    var size = (point.Length - 1) / 2;
                    if (point.Length < 3 || point[0] != 0x04 || point.Length != 1 + (2 * size))
                    {
                        throw new FormatException("the EC point is not uncompressed");
                    }

                    var ecdsa = ECDsa.Create();
                    ecdsa.ImportParameters(new ECParameters
                    {
                        Curve = ECCurve.CreateFromValue(TlsNames.CurveOid(curve)),
                        Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] },
                        D = TlsKey.FixedLength(d, size),
                    });
                    return TlsKey.FromEcdsa(ecdsa);
                }

            case "ssh-ed25519":
                {
                    section.ReadBytes();
                    var secret = section.ReadBytes();
                    if (secret.Length != 2 * Ed25519.KeySize)
                    {
                        throw new FormatException("the ssh-ed25519 private key is not 64 bytes");
                    }

                    return TlsKey.FromEd25519Seed(secret[..Ed25519.KeySize]);
                }
            default:
                throw new TlsKeyException($"the OpenSSH key type '{type}' is not supported");
        }
    }

    private static void WritePublic(SshWireWriter writer, TlsKey key, string type)
    {
        writer.WriteString(type);
        if (key.Rsa is { } rsa)
        {
            var p = rsa.ExportParameters(false);
            writer.WriteMpint(p.Exponent);
            writer.WriteMpint(p.Modulus);
        }
        else if (key.Ecdsa is not null)
        {
            writer.WriteString(CurveName(key.Curve!));
            writer.WriteString(key.UncompressedPoint());
        }
        else
        {
            writer.WriteString(key.Ed25519PublicKey!);
        }
    }

    private static string CurveName(string curve) => curve switch
    {
        "P256" => "nistp256",
        "P384" => "nistp384",
        _ => "nistp521",
    };
}
