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

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "infra-tls-e2e", Guid.NewGuid().ToString("N"));

    public string ProgramDll => ScratchProgram.DllOf(Root, "TlsChain");

    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    public static string RepositoryRoot =>
        typeof(TlsChainProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await ScratchProgram.WriteBuildPropsAsync(Root);
        var project = await ScratchProgram.WriteAsync(Root, "TlsChain", Program, Path.Combine(RepositoryRoot, "src", "Infra.Tls", "Infra.Tls.csproj"));
        var output = new List<string>();
        try
        {
            await ScratchProgram.BuildAsync(Root, project, output);
        }
        finally
        {
            BuildOutput = output;
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
