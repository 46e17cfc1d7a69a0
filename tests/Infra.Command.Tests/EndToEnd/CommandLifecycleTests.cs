using Infra.Command.Tests.Fixtures;
using Infra.Engine.Deployments;
using Infra.Engine.Planning;
using Infra.Engine.Projects;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Command;
using Infra.Engine.Secrets;
using Infra.Engine.State;

namespace Infra.Command.Tests.EndToEnd;

/// <summary>A real program using Infra.Command, run through the engine with the built-in command provider.</summary>
public sealed class CommandLifecycleTests(CommandProgram program, SshdFixture sshd) : IClassFixture<CommandProgram>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("infra-cmd-run-").FullName;

    private string Log => Path.Combine(_root, "log");

    private string StateFile => Path.Combine(_root, "state", ".pulumi", "stacks", "cmdapp", "dev.json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Up_CreateUpdateReplaceDestroy_RunsTheRightCommandsAndKeepsSecretsOutOfState()
    {
        // Arrange
        Assert.True(File.Exists(program.Dll), string.Join('\n', program.BuildOutput));
        var token = TestContext.Current.CancellationToken;
        var withSsh = sshd.SkipReason is null;
        var settings = new StackSettingsFile();
        var crypter = settings.OpenPassphraseCrypter("correct horse battery staple");
        var backend = new LocalBackend(Path.Combine(_root, "state"));
        var stack = new Infra.Engine.State.StackReference("cmdapp", "dev");
        await backend.CreateStackAsync(stack, SecretsProviderState.Passphrase(settings.EncryptionSalt!), token);
        var projectFile = Path.Combine(_root, "Pulumi.yaml");
        await File.WriteAllTextAsync(projectFile, $"""
            name: cmdapp
            runtime:
              name: dotnet
              options:
                binary: {program.Dll}
            """, token);

        async Task<OperationResult> RunAsync(OperationKind kind, string version, string trigger)
        {
            var environment = new Dictionary<string, string> { ["CMD_LOG"] = Log, ["CMD_VERSION"] = version, ["CMD_TRIGGER"] = trigger };
            if (withSsh)
            {
                environment["CMD_SSH_PORT"] = sshd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                environment["CMD_SSH_KEY"] = sshd.PrivateKey;
                environment["CMD_SSH_HOSTKEY"] = sshd.HostKey;
            }

            var request = new OperationRequest
            {
                Kind = kind,
                Project = await ProjectLoader.LoadAsync(projectFile, token),
                Stack = stack,
                Backend = backend,
                StackSettings = settings,
                Crypter = crypter,
                BuiltInProviders = new Dictionary<string, ProviderFactory> { [CommandProvider.PackageName] = new CommandProvider(TimeProvider.System).Factory },
                Parallel = 2,
                ProgramEnvironment = environment,
            };
            var result = await new DeploymentEngine().RunAsync(request, new NullObserver(), token);
            Assert.True(result.Succeeded, string.Join('\n', result.Failures));
            return result;
        }

        // Act
        var preview = await RunAsync(OperationKind.Preview, "1", "a");
        var logAfterPreview = File.Exists(Log);
        var up = await RunAsync(OperationKind.Update, "1", "a");
        var same = await RunAsync(OperationKind.Update, "1", "a");
        var update = await RunAsync(OperationKind.Update, "2", "a");
        var replace = await RunAsync(OperationKind.Update, "2", "b");
        var stateText = await File.ReadAllTextAsync(StateFile, token);
        var destroy = await RunAsync(OperationKind.Destroy, "2", "b");

        // Assert
        Assert.False(logAfterPreview);
        Assert.True(up.Counts.GetValueOrDefault(StepKind.Create) >= (withSsh ? 2 : 1));
        Assert.Equal(0, same.Counts.GetValueOrDefault(StepKind.Update) + same.Counts.GetValueOrDefault(StepKind.Create));
        Assert.Equal(1, update.Counts.GetValueOrDefault(StepKind.Update));
        Assert.Equal(1, replace.Counts.GetValueOrDefault(StepKind.Replace));
        Assert.True(destroy.Counts.GetValueOrDefault(StepKind.Delete) >= (withSsh ? 2 : 1));
        Assert.Equal(up.Counts.GetValueOrDefault(StepKind.Create), preview.Counts.GetValueOrDefault(StepKind.Create));
        var local = (await File.ReadAllLinesAsync(Log, token)).Where(l => !l.StartsWith("remote", StringComparison.Ordinal));
        Assert.Equal(["create 1", "update 2 prev=out-1", "create 2", "delete prev=out-2", "delete prev=out-2"], local);
        if (withSsh)
        {
            Assert.Equal(["remote create", "remote delete"], (await File.ReadAllLinesAsync(Log, token)).Where(l => l.StartsWith("remote", StringComparison.Ordinal)));
            Assert.DoesNotContain("OPENSSH PRIVATE KEY", stateText, StringComparison.Ordinal);
            Assert.DoesNotContain(sshd.PrivateKey.Split('\n')[1], stateText, StringComparison.Ordinal);
        }
    }

    private sealed class NullObserver : IOperationObserver
    {
        public ValueTask OnEventAsync(Infra.Engine.Deployments.Events.OperationEvent operationEvent, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
