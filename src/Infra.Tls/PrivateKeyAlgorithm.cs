using System.Runtime.Serialization;

namespace Infra.Tls;

/// <summary>The algorithm of a <see cref="PrivateKey"/> (wire values <c>RSA</c>, <c>ECDSA</c>, <c>ED25519</c>).</summary>
public enum PrivateKeyAlgorithm
{
    /// <summary>RSA; the size comes from <see cref="PrivateKeyArgs.RsaBits"/>.</summary>
    [EnumMember(Value = "RSA")]
    Rsa,

    /// <summary>ECDSA; the curve comes from <see cref="PrivateKeyArgs.EcdsaCurve"/>.</summary>
    [EnumMember(Value = "ECDSA")]
    Ecdsa,

    /// <summary>Ed25519 (PKCS#8 PEM; the built-in engine provider implements it from RFC 8032).</summary>
    [EnumMember(Value = "ED25519")]
    Ed25519,
}
