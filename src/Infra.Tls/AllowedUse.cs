using System.Runtime.Serialization;

namespace Infra.Tls;

/// <summary>
/// A key usage or extended key usage a certificate allows (RFC 5280 §4.2.1.3 and §4.2.1.12). On the wire
/// these are the provider's snake_case strings (e.g. <c>server_auth</c>); the camelCase forms some
/// documentation shows are rejected by the provider.
/// </summary>
public enum AllowedUse
{
    /// <summary>Key usage <c>digital_signature</c>.</summary>
    [EnumMember(Value = "digital_signature")]
    DigitalSignature,

    /// <summary>Key usage <c>content_commitment</c> (non-repudiation).</summary>
    [EnumMember(Value = "content_commitment")]
    ContentCommitment,

    /// <summary>Key usage <c>key_encipherment</c>.</summary>
    [EnumMember(Value = "key_encipherment")]
    KeyEncipherment,

    /// <summary>Key usage <c>data_encipherment</c>.</summary>
    [EnumMember(Value = "data_encipherment")]
    DataEncipherment,

    /// <summary>Key usage <c>key_agreement</c>.</summary>
    [EnumMember(Value = "key_agreement")]
    KeyAgreement,

    /// <summary>Key usage <c>cert_signing</c> (keyCertSign).</summary>
    [EnumMember(Value = "cert_signing")]
    CertSigning,

    /// <summary>Key usage <c>crl_signing</c>.</summary>
    [EnumMember(Value = "crl_signing")]
    CrlSigning,

    /// <summary>Key usage <c>encipher_only</c>.</summary>
    [EnumMember(Value = "encipher_only")]
    EncipherOnly,

    /// <summary>Key usage <c>decipher_only</c>.</summary>
    [EnumMember(Value = "decipher_only")]
    DecipherOnly,

    /// <summary>Extended key usage <c>any_extended</c>.</summary>
    [EnumMember(Value = "any_extended")]
    AnyExtended,

    /// <summary>Extended key usage <c>server_auth</c> (TLS server).</summary>
    [EnumMember(Value = "server_auth")]
    ServerAuth,

    /// <summary>Extended key usage <c>client_auth</c> (TLS client).</summary>
    [EnumMember(Value = "client_auth")]
    ClientAuth,

    /// <summary>Extended key usage <c>code_signing</c>.</summary>
    [EnumMember(Value = "code_signing")]
    CodeSigning,

    /// <summary>Extended key usage <c>email_protection</c>.</summary>
    [EnumMember(Value = "email_protection")]
    EmailProtection,

    /// <summary>Extended key usage <c>ipsec_end_system</c>.</summary>
    [EnumMember(Value = "ipsec_end_system")]
    IpsecEndSystem,

    /// <summary>Extended key usage <c>ipsec_tunnel</c>.</summary>
    [EnumMember(Value = "ipsec_tunnel")]
    IpsecTunnel,

    /// <summary>Extended key usage <c>ipsec_user</c>.</summary>
    [EnumMember(Value = "ipsec_user")]
    IpsecUser,

    /// <summary>Extended key usage <c>timestamping</c>.</summary>
    [EnumMember(Value = "timestamping")]
    Timestamping,

    /// <summary>Extended key usage <c>ocsp_signing</c>.</summary>
    [EnumMember(Value = "ocsp_signing")]
    OcspSigning,

    /// <summary>Extended key usage <c>microsoft_server_gated_crypto</c>.</summary>
    [EnumMember(Value = "microsoft_server_gated_crypto")]
    MicrosoftServerGatedCrypto,

    /// <summary>Extended key usage <c>netscape_server_gated_crypto</c>.</summary>
    [EnumMember(Value = "netscape_server_gated_crypto")]
    NetscapeServerGatedCrypto,

    /// <summary>Extended key usage <c>microsoft_commercial_code_signing</c>.</summary>
    [EnumMember(Value = "microsoft_commercial_code_signing")]
    MicrosoftCommercialCodeSigning,

    /// <summary>Extended key usage <c>microsoft_kernel_code_signing</c>.</summary>
    [EnumMember(Value = "microsoft_kernel_code_signing")]
    MicrosoftKernelCodeSigning,
}
