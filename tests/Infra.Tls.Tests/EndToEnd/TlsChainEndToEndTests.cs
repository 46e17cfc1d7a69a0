using System.Collections.Concurrent;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.Projects;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Tls;
using Infra.Engine.Secrets;
using Infra.Engine.State;
using Infra.Protocol.Values;
using Infra.Tls.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using EngineStack = Infra.Engine.State.StackReference;

namespace Infra.Tls.Tests.EndToEnd;

/// <summary>A real program through the engine with the built-in tls provider: preview, up, up, renewal, destroy.</summary>
public sealed class TlsChainEndToEndTests(TlsChainProgram program) : IClassFixture<TlsChainProgram>, IOperationObserver, IDisposable
{
    private readonly ConcurrentQueue<OperationEvent> _events = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "infra-tls-e2e-runs", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_795_694_400));
    private readonly OpenSsl _openssl = new();

    [Fact]
    public async Task Up_CaAndLocallySignedServerCert_ChainVerifiesSecretsStaySecretAndRenewalReplaces()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        Assert.True(File.Exists(program.ProgramDll), string.Join(Environment.NewLine, program.BuildOutput));
        var provider = new TlsProvider(_clock);
        var (settings, crypter, backend, stack, projectFile) = await CreateWorkspaceAsync();
        var token = TestContext.Current.CancellationToken;

        // Act: preview of a new stack
        var preview = await RunAsync(OperationKind.Preview, provider, settings, crypter, backend, stack, projectFile, token);

        // Assert: the stack, the default tls provider and five resources planned as creates
        Assert.True(preview.Succeeded, Explain(preview));
        Assert.Equal(7, preview.Counts.GetValueOrDefault(StepKind.Create));

        // Act: up
        var up = await RunAsync(OperationKind.Update, provider, settings, crypter, backend, stack, projectFile, token);

        // Assert: the chain verifies with openssl, the key matches the certificate, secrets are secret
        Assert.True(up.Succeeded, Explain(up));
        Assert.Equal(7, up.Counts.GetValueOrDefault(StepKind.Create));
        var caFile = _openssl.Write("ca.pem", up.Outputs["caCert"].StringValue);
        var serverFile = _openssl.Write("server.pem", up.Outputs["serverCert"].StringValue);
        Assert.Equal($"{serverFile}: OK", (await _openssl.RunOkAsync("verify", "-attime", "1795698000", "-purpose", "sslserver", "-CAfile", caFile, serverFile)).Trim());
        Assert.Equal(PropertyValueKind.Secret, up.Outputs["serverKey"].Kind);
        var keyPem = up.Outputs["serverKey"].SecretValue.StringValue;
        Assert.Equal(
            await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("server-key.pem", keyPem), "-pubout"),
            await _openssl.RunOkAsync("x509", "-in", serverFile, "-noout", "-pubkey"));
        Assert.Equal(up.Outputs["serverPublicKey"].WithoutSecrets(), up.Outputs["invokedPublicKey"].WithoutSecrets());
        var stateText = await File.ReadAllTextAsync(StateFile, token);
        var keyBody = keyPem.Split('\n')[1];
        Assert.DoesNotContain(keyBody, stateText, StringComparison.Ordinal);
        var state = CheckpointSerializer.ReadCheckpoint(await File.ReadAllBytesAsync(StateFile, token), crypter, StateFile).Latest!;
        var caKey = state.Resources.Single(r => r.Type == "tls:index/privateKey:PrivateKey" && r.Urn.EndsWith("::ca-key", StringComparison.Ordinal));
        Assert.Equal(PropertyValueKind.Secret, caKey.Outputs["privateKeyPem"].Kind);
        var serverState = state.Resources.Single(r => r.Type == "tls:index/locallySignedCert:LocallySignedCert");
        Assert.Equal(PropertyValueKind.Secret, serverState.Inputs["caPrivateKeyPem"].Kind);

        // Act: up again, nothing changed
        var again = await RunAsync(OperationKind.Update, provider, settings, crypter, backend, stack, projectFile, token);

        // Assert
        Assert.True(again.Succeeded, Explain(again));
        Assert.Equal([StepKind.Same], again.Counts.Keys);

        // Act: move into the server certificate's early renewal window (720 h validity, 48 h early) and preview
        _clock.Advance(TimeSpan.FromHours(680));
        _events.Clear();
        var renewal = await RunAsync(OperationKind.Preview, provider, settings, crypter, backend, stack, projectFile, token);

        // Assert: only the server certificate is replaced, because it is ready for renewal
        Assert.True(renewal.Succeeded, Explain(renewal));
        Assert.Equal(1, renewal.Counts.GetValueOrDefault(StepKind.Replace));
        var replace = Assert.Single(_events.OfType<ResourceStepEvent>(), e => e.Kind == StepKind.Replace && e.Phase == StepPhase.Succeeded);
        Assert.EndsWith("::server", replace.Urn, StringComparison.Ordinal);
        Assert.Equal(["readyForRenewal"], replace.ReplaceKeys);
        var planned = Assert.Single(_events.OfType<ResourceStepEvent>(), e => e.Kind == StepKind.Replace && e.Phase == StepPhase.Started);
        Assert.Matches(@"^the certificate expires at \S+Z, inside its early renewal window \(earlyRenewalHours 48\); it is replaced by a new one$", planned.Message);

        // Act: up renews it; destroy removes everything
        var renewed = await RunAsync(OperationKind.Update, provider, settings, crypter, backend, stack, projectFile, token);
        var destroy = await RunAsync(OperationKind.Destroy, provider, settings, crypter, backend, stack, projectFile, token);

        // Assert
        Assert.True(renewed.Succeeded, Explain(renewed));
        Assert.NotEqual(up.Outputs["serverCert"], renewed.Outputs["serverCert"]);
        Assert.Equal(up.Outputs["caCert"], renewed.Outputs["caCert"]);
        Assert.True(destroy.Succeeded, Explain(destroy));
        Assert.Equal(7, destroy.Counts.GetValueOrDefault(StepKind.Delete));
    }

    ValueTask IOperationObserver.OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(operationEvent);
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _openssl.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string StateFile => Path.Combine(_root, "state", ".pulumi", "stacks", "tlschain", "dev.json");

    private async Task<(StackSettingsFile, ISecretsCrypter, LocalBackend, EngineStack, string)> CreateWorkspaceAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "project"));
        var projectFile = Path.Combine(_root, "project", "Pulumi.yaml");
        await File.WriteAllTextAsync(projectFile, $"""
            name: tlschain
            runtime:
              name: dotnet
              options:
                binary: {program.ProgramDll}
            """);
        var settings = new StackSettingsFile();
        var crypter = settings.OpenPassphraseCrypter("correct horse battery staple");
        var backend = new LocalBackend(Path.Combine(_root, "state"));
        var stack = new EngineStack("tlschain", "dev");
        await backend.CreateStackAsync(stack, SecretsProviderState.Passphrase(settings.EncryptionSalt!));
        return (settings, crypter, backend, stack, projectFile);
    }

    private async Task<OperationResult> RunAsync(
        OperationKind kind,
        TlsProvider provider,
        StackSettingsFile settings,
        ISecretsCrypter crypter,
        LocalBackend backend,
        EngineStack stack,
        string projectFile,
        CancellationToken cancellationToken)
    {
        var project = await ProjectLoader.LoadAsync(projectFile, cancellationToken);
        var request = new OperationRequest
        {
            Kind = kind,
            Project = project,
            Stack = stack,
            Backend = backend,
            StackSettings = settings,
            Crypter = crypter,
            BuiltInProviders = new Dictionary<string, ProviderFactory> { [TlsProvider.PackageName] = provider.Factory },
            Parallel = 4,
            ProgramEnvironment = new Dictionary<string, string>(),
        };
        return await new DeploymentEngine().RunAsync(request, this, cancellationToken);
    }

    private string Explain(OperationResult result) => string.Join(
        Environment.NewLine,
        result.Failures.Concat(_events.OfType<DiagnosticEvent>().Select(d => d.Message)).Concat(_events.OfType<ProgramOutputEvent>().Select(o => o.Line)));
}
