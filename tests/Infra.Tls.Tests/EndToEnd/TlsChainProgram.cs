using System.Reflection;
using Infra.TestSupport;

namespace Infra.Tls.Tests.EndToEnd;

/// <summary>
/// Writes a small program (a CA, a server key, a request and a locally signed server certificate) into a
/// temporary directory, referencing src/Infra.Tls, and builds it once with the engine's own build step.
/// </summary>
public sealed class TlsChainProgram : IAsyncLifetime
{
    private const string Program = """
        using Infra;
        using Infra.Tls;

        return await Deployment.RunAsync(() =>
        {
            var caKey = new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Ecdsa, EcdsaCurve = EcdsaCurve.P256 });
            var ca = new SelfSignedCert("ca", new SelfSignedCertArgs
            {
                PrivateKeyPem = caKey.PrivateKeyPem,
                ValidityPeriodHours = 87600,
                IsCaCertificate = true,
                AllowedUses = [AllowedUse.CertSigning, AllowedUse.CrlSigning, AllowedUse.DigitalSignature],
                Subject = new CertificateSubjectArgs { CommonName = "E2E Root CA", Organization = "Homelab" },
            });
            var serverKey = new PrivateKey("server-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Rsa });
            var request = new CertRequest("server-csr", new CertRequestArgs
            {
                PrivateKeyPem = serverKey.PrivateKeyPem,
                Subject = new CertificateSubjectArgs { CommonName = "vault.lab" },
                DnsNames = ["vault.lab"],
                IpAddresses = ["10.0.0.5"],
            });
            var server = new LocallySignedCert("server", new LocallySignedCertArgs
            {
                CertRequestPem = request.CertRequestPem,
                CaPrivateKeyPem = caKey.PrivateKeyPem,
                CaCertPem = ca.CertPem,
                ValidityPeriodHours = 720,
                EarlyRenewalHours = 48,
                AllowedUses = [AllowedUse.DigitalSignature, AllowedUse.KeyEncipherment, AllowedUse.ServerAuth],
            });
            var publicKey = TlsFunctions.GetPublicKey(new GetPublicKeyArgs { PrivateKeyPem = serverKey.PrivateKeyPem });
            return new Dictionary<string, object?>
            {
                ["caCert"] = ca.CertPem,
                ["serverCert"] = server.CertPem,
                ["serverKey"] = serverKey.PrivateKeyPem,
                ["serverPublicKey"] = serverKey.PublicKeyPem,
                ["invokedPublicKey"] = publicKey.Apply(k => k.PublicKeyPem),
                ["readyForRenewal"] = server.ReadyForRenewal,
            };
        });
        """;

    private BuiltProgram? _built;

    /// <summary>The built program.</summary>
    public string ProgramDll => Built.Dll;

    /// <summary>What the build printed.</summary>
    public IReadOnlyList<string> BuildOutput => Built.BuildOutput;

    public static string RepositoryRoot =>
        typeof(TlsChainProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private BuiltProgram Built => _built ?? throw new InvalidOperationException("The program has not been built yet.");

    public async ValueTask InitializeAsync() =>
        _built = await BuiltProgram.BuildAsync("infra-tls-e2e", "TlsChain", Program, Path.Combine(RepositoryRoot, "src", "Infra.Tls", "Infra.Tls.csproj"));

    public ValueTask DisposeAsync()
    {
        _built?.Dispose();
        return ValueTask.CompletedTask;
    }
}
