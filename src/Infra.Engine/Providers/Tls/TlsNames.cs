namespace Infra.Engine.Providers.Tls;

/// <summary>The provider's names: resource tokens, algorithms and curves.</summary>
internal static class TlsNames
{
    public const string Package = "tls";
    public const string PrivateKeyType = "tls:index/privateKey:PrivateKey";
    public const string SelfSignedCertType = "tls:index/selfSignedCert:SelfSignedCert";
    public const string CertRequestType = "tls:index/certRequest:CertRequest";
    public const string LocallySignedCertType = "tls:index/locallySignedCert:LocallySignedCert";
    public const string GetPublicKeyToken = "tls:index/getPublicKey:getPublicKey";
    public const string GetCertificateToken = "tls:index/getCertificate:getCertificate";

    public const string Rsa = "RSA";
    public const string Ecdsa = "ECDSA";
    public const string Ed25519 = "ED25519";

    /// <summary>The algorithms the schema accepts.</summary>
    public static readonly string[] Algorithms = [Rsa, Ecdsa, Ed25519];

    /// <summary>The curves the schema accepts.</summary>
    public static readonly string[] Curves = ["P224", "P256", "P384", "P521"];

    public static string CurveOid(string curve) => curve switch
    {
        "P224" => "1.3.132.0.33",
        "P256" => "1.2.840.10045.3.1.7",
        "P384" => "1.3.132.0.34",
        "P521" => "1.3.132.0.35",
        _ => throw new ArgumentOutOfRangeException(nameof(curve), curve, "unknown curve"),
    };

    public static string? CurveOfOid(string? oid) => oid switch
    {
        "1.3.132.0.33" => "P224",
        "1.2.840.10045.3.1.7" => "P256",
        "1.3.132.0.34" => "P384",
        "1.3.132.0.35" => "P521",
        _ => null,
    };
}
