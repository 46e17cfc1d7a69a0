using System.Diagnostics;
using Infra.EndToEnd.Tests.Harness;
using Infra.TestSupport;

namespace Infra.EndToEnd.Tests.EdgeTls;

/// <summary>
/// samples/EdgeTls through the real <c>infra</c> process and the built-in tls, command and kubernetes
/// providers: up writes a CA file openssl accepts and manifests without secret data, up again changes
/// nothing, destroy removes every file, and no key material reaches the state file or the output.
/// </summary>
public sealed class EdgeTlsUpTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "infra-e2e-edge", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpUpDestroy_EdgeTls_WritesVerifiableFilesConvergesAndCleansUp()
    {
        // Arrange: a copy of the sample whose project references point at this repository
        var project = Path.Combine(_root, "project");
        var backend = Path.Combine(_root, "state");
        var output = Path.Combine(_root, "out");
        await CopySampleAsync(project);
        Directory.CreateDirectory(backend);
        var cli = new CliProcess(project, backend, new Dictionary<string, string> { ["ArtifactsPath"] = Path.Combine(_root, "artifacts") });
        await RunOkAsync(cli, "stack", "init", "dev");
        await RunOkAsync(cli, "config", "set", "outputDirectory", output);

        // Act
        var up = await RunOkAsync(cli, "up", "--yes");

        // Assert: 14 created; the CA file is a CA certificate; the manifests carry no secret data
        Assert.Contains("+ 14 created", up, StringComparison.Ordinal);
        var caFile = Path.Combine(output, "ca.crt");
        Assert.True(File.Exists(caFile), up);
        var subject = await OpenSslAsync("x509", "-in", caFile, "-noout", "-subject", "-ext", "basicConstraints");
        Assert.Contains("Homelab Root CA", subject, StringComparison.Ordinal);
        Assert.Contains("CA:TRUE", subject, StringComparison.Ordinal);
        var manifests = Directory.GetFiles(Path.Combine(output, "manifests"), "*.yaml", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["apps_v1-deployment-default-web.yaml", "networking.k8s.io_v1-ingress-default-web.yaml", "v1-secret-default-web-tls.yaml", "v1-service-default-web.yaml"],
            manifests);
        var secretManifest = await File.ReadAllTextAsync(Directory.GetFiles(output, "v1-secret-default-web-tls.yaml", SearchOption.AllDirectories).Single(), Ct);
        Assert.DoesNotContain("tls.key:", secretManifest, StringComparison.Ordinal);
        var state = await File.ReadAllTextAsync(Path.Combine(backend, ".pulumi", "stacks", "edge-tls", "dev.json"), Ct);
        Assert.DoesNotContain("PRIVATE KEY", state, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", up, StringComparison.Ordinal);

        // Act: again, then destroy
        var again = await RunOkAsync(cli, "up", "--yes");
        var destroy = await RunOkAsync(cli, "destroy", "--yes");

        // Assert
        Assert.Contains("14 unchanged", again, StringComparison.Ordinal);
        Assert.Contains("- 14 deleted", destroy, StringComparison.Ordinal);
        Assert.False(File.Exists(caFile));
        Assert.Empty(Directory.GetFiles(output, "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task CopySampleAsync(string project)
    {
        var source = Path.Combine(SamplePrograms.RepositoryRoot, "samples", "EdgeTls");
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(source).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith("Pulumi.yaml", StringComparison.Ordinal)))
        {
            var text = (await File.ReadAllTextAsync(file, Ct)).Replace("../../src/", Path.Combine(SamplePrograms.RepositoryRoot, "src") + "/", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(project, Path.GetFileName(file)), text, Ct);
        }

        await ScratchProgram.WriteBuildPropsAsync(project);
    }

    private static async Task<string> RunOkAsync(CliProcess cli, params string[] args)
    {
        var (code, text) = await cli.RunAsync(args, Ct);
        Assert.True(code == 0, $"infra {string.Join(' ', args)} exited {code}:\n{text}");
        return text;
    }

    private static async Task<string> OpenSslAsync(params string[] args)
    {
        var info = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("openssl is not installed (scripts/test installs it)");
            throw;
        }

        using (process)
        {
            var stdout = await process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)}: {stderr}");
            return stdout;
        }
    }
}
