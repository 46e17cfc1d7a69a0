using Infra;
using Infra.Tls;

namespace EdgeTls;

/// <summary>A self-signed CA: an ECDSA P-256 key and a ten-year CA certificate renewed a month before expiry.</summary>
public sealed class CertificateAuthority : ComponentResource
{
    public CertificateAuthority(string name, ComponentResourceOptions? options = null)
        : base("edge:tls:CertificateAuthority", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        Key = new PrivateKey($"{name}-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Ecdsa, EcdsaCurve = EcdsaCurve.P256 }, child);
        Certificate = new SelfSignedCert($"{name}-cert", new SelfSignedCertArgs
        {
            PrivateKeyPem = Key.PrivateKeyPem,
            ValidityPeriodHours = 24 * 365 * 10,
            EarlyRenewalHours = 24 * 30,
            IsCaCertificate = true,
            AllowedUses = [AllowedUse.CertSigning, AllowedUse.CrlSigning, AllowedUse.DigitalSignature],
            Subject = new CertificateSubjectArgs { CommonName = "Homelab Root CA", Organization = "Homelab" },
        }, child);
        RegisterOutputs();
    }

    /// <summary>The CA's private key (its PEM is secret).</summary>
    public PrivateKey Key { get; }

    /// <summary>The CA certificate.</summary>
    public SelfSignedCert Certificate { get; }
}
