using System.Reflection;
using Infra.Engine.Programs;

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

    public string ProgramDll => Path.Combine(Root, "artifacts", "bin", "TlsChain", "debug", "TlsChain.dll");

    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    public static string RepositoryRoot =>
        typeof(TlsChainProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public async ValueTask InitializeAsync()
    {
        var directory = Path.Combine(Root, "TlsChain");
        Directory.CreateDirectory(directory);
        var tls = Path.Combine(RepositoryRoot, "src", "Infra.Tls", "Infra.Tls.csproj");
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "TlsChain.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{tls}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Program);
        var output = new List<string>();
        var command = new ProgramCommand { ProgramDirectory = directory, ProjectPath = Path.Combine(directory, "TlsChain.csproj") };
        var environment = new Dictionary<string, string>
        {
            ["ArtifactsPath"] = Path.Combine(Root, "artifacts"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        try
        {
            await ProgramLauncher.BuildAsync(command, environment, (line, _) =>
            {
                lock (output)
                {
                    output.Add(line);
                }

                return ValueTask.CompletedTask;
            });
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
