using Infra;
using Infra.Tls;

namespace EdgeTls;

/// <summary>A server key, its certificate request and a one-year certificate signed by <see cref="CertificateAuthority"/>.</summary>
public sealed class ServerCertificate : ComponentResource
{
    public ServerCertificate(string name, string hostname, CertificateAuthority ca, ComponentResourceOptions? options = null)
        : base("edge:tls:ServerCertificate", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        Key = new PrivateKey($"{name}-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Ecdsa, EcdsaCurve = EcdsaCurve.P256 }, child);
        var request = new CertRequest($"{name}-csr", new CertRequestArgs
        {
            PrivateKeyPem = Key.PrivateKeyPem,
            DnsNames = [hostname],
            Subject = new CertificateSubjectArgs { CommonName = hostname, Organization = "Homelab" },
        }, child);
        Certificate = new LocallySignedCert($"{name}-cert", new LocallySignedCertArgs
        {
            CertRequestPem = request.CertRequestPem,
            CaPrivateKeyPem = ca.Key.PrivateKeyPem,
            CaCertPem = ca.Certificate.CertPem,
            ValidityPeriodHours = 24 * 365,
            EarlyRenewalHours = 24 * 30,
            AllowedUses = [AllowedUse.DigitalSignature, AllowedUse.KeyEncipherment, AllowedUse.ServerAuth],
        }, child);
        RegisterOutputs();
    }

    /// <summary>The server's private key (its PEM is secret).</summary>
    public PrivateKey Key { get; }

    /// <summary>The signed server certificate.</summary>
    public LocallySignedCert Certificate { get; }
}
