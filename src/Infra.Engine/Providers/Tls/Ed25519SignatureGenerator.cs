using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Infra.Engine.Providers.Tls;

/// <summary>Signs certificates and requests with an ED25519 key (algorithm identifier id-Ed25519, RFC 8410; the hash argument is ignored).</summary>
internal sealed class Ed25519SignatureGenerator(byte[] seed, byte[] publicKey) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) => [0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70];

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => Ed25519.Sign(seed, data);

    protected override PublicKey BuildPublicKey() => PublicKey.CreateFromSubjectPublicKeyInfo(TlsKey.Ed25519SubjectPublicKeyInfo(publicKey), out _);
}
