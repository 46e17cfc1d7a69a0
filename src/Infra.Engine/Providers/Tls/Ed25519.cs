using System.Numerics;
using System.Security.Cryptography;

namespace Infra.Engine.Providers.Tls;

/// <summary>
/// Ed25519 (RFC 8032 §5.1) on <see cref="BigInteger"/>: public key derivation, signing and verification.
/// .NET has no built-in Ed25519. This is a plain, readable implementation for a provider that signs a
/// handful of certificates; it is not constant-time, so it is not meant for signing on a shared host
/// under an attacker's timing observation.
/// </summary>
internal static class Ed25519
{
    public const int KeySize = 32;
    public const int SignatureSize = 64;

    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);
    private static readonly Point Base = BasePoint();

    /// <summary>The public key (encoded point) of a 32-byte private key seed.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> seed)
    {
        var (scalar, _) = Expand(seed);
        return Encode(Multiply(scalar, Base));
    }

    /// <summary>Signs <paramref name="message"/> with the private key seed (PureEdDSA, no context).</summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        var (scalar, prefix) = Expand(seed);
        var publicKey = Encode(Multiply(scalar, Base));
        var r = FromLittleEndian(SHA512.HashData([.. prefix, .. message])) % L;
        var encodedR = Encode(Multiply(r, Base));
        var k = FromLittleEndian(SHA512.HashData([.. encodedR, .. publicKey, .. message])) % L;
        var s = (r + (k * scalar)) % L;
        return [.. encodedR, .. ToLittleEndian(s)];
    }

    /// <summary>Verifies a signature; false for any malformed key or signature.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        var s = FromLittleEndian(signature[KeySize..]);
        if (s >= L || Decode(publicKey) is not { } a || Decode(signature[..KeySize]) is not { } r)
        {
            return false;
        }

        var k = FromLittleEndian(SHA512.HashData([.. signature[..KeySize], .. publicKey, .. message])) % L;
        return Encode(Multiply(s, Base)).AsSpan().SequenceEqual(Encode(Add(r, Multiply(k, a))));
    }

    private static (BigInteger Scalar, byte[] Prefix) Expand(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != KeySize)
        {
            throw new ArgumentException("An Ed25519 private key seed is 32 bytes.", nameof(seed));
        }

        var hash = SHA512.HashData(seed);
        hash[0] &= 248;
        hash[31] &= 127;
        hash[31] |= 64;
        return (FromLittleEndian(hash.AsSpan(0, 32)), hash[32..]);
    }

    private static Point BasePoint()
    {
        var y = Mod(4 * Inverse(5));
        var x = RecoverX(y, 0) ?? throw new InvalidOperationException("the Ed25519 base point is invalid");
        return new Point(x, y, 1, Mod(x * y));
    }

    private static Point Add(Point p, Point q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(p.T * 2 * D * q.T);
        var d = Mod(p.Z * 2 * q.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static Point Multiply(BigInteger scalar, Point point)
    {
        var result = new Point(0, 1, 1, 0);
        var addend = point;
        while (scalar > 0)
        {
            if (!scalar.IsEven)
            {
                result = Add(result, addend);
            }

            addend = Add(addend, addend);
            scalar >>= 1;
        }

        return result;
    }

    private static byte[] Encode(Point point)
    {
        var zInverse = Inverse(point.Z);
        var x = Mod(point.X * zInverse);
        var y = Mod(point.Y * zInverse);
        var bytes = ToLittleEndian(y);
        bytes[31] |= (byte)(x.IsEven ? 0 : 0x80);
        return bytes;
    }

    private static Point? Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = encoded.ToArray();
        var sign = bytes[31] >> 7;
        bytes[31] &= 0x7F;
        var y = FromLittleEndian(bytes);
        if (y >= P || RecoverX(y, sign) is not { } x)
        {
            return null;
        }

        return new Point(x, y, 1, Mod(x * y));
    }

    private static BigInteger? RecoverX(BigInteger y, int sign)
    {
        var x2 = Mod((y * y - 1) * Inverse((D * y * y) + 1));
        if (x2.IsZero)
        {
            return sign == 0 ? BigInteger.Zero : null;
        }

        var x = BigInteger.ModPow(x2, (P + 3) / 8, P);
        if (!Mod((x * x) - x2).IsZero)
        {
            x = Mod(x * SqrtMinusOne);
        }

        if (!Mod((x * x) - x2).IsZero)
        {
            return null;
        }

        return (int)(x % 2) == sign ? x : P - x;
    }

    private static BigInteger Mod(BigInteger value)
    {
        var result = value % P;
        return result.Sign < 0 ? result + P : result;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static BigInteger FromLittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    private static byte[] ToLittleEndian(BigInteger value)
    {
        var bytes = new byte[KeySize];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);
}
