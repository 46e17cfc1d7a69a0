using System.Runtime.Serialization;

namespace Infra.Tls;

/// <summary>The elliptic curve of an ECDSA <see cref="PrivateKey"/>.</summary>
public enum EcdsaCurve
{
    /// <summary>NIST P-224 (the provider default). OpenSSH cannot represent it, so the OpenSSH outputs are empty.</summary>
    [EnumMember(Value = "P224")]
    P224,

    /// <summary>NIST P-256.</summary>
    [EnumMember(Value = "P256")]
    P256,

    /// <summary>NIST P-384.</summary>
    [EnumMember(Value = "P384")]
    P384,

    /// <summary>NIST P-521.</summary>
    [EnumMember(Value = "P521")]
    P521,
}
