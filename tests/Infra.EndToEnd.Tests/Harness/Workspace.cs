using Infra.Engine.Deployments;
using Infra.Engine.Projects;
using Infra.Engine.Providers.Test;
using Infra.Engine.Secrets;
using Infra.Engine.State;

namespace Infra.EndToEnd.Tests.Harness;

/// <summary>
/// One test's project directory (Pulumi.yaml naming a built program, Pulumi.dev.yaml with a secret),
/// a temporary local backend with stack <c>dev</c>, and one shared <see cref="TestProvider"/> so every
/// run of the test sees the same "real" resources.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public const string SecretToken = "tok-9f3e1c-very-secret";

    private Workspace(string root, string programDll, StackSettingsFile settings, ISecretsCrypter crypter)
    {
        Root = root;
        ProgramDll = programDll;
        Settings = settings;
        Crypter = crypter;
        Backend = new LocalBackend(Path.Combine(root, "state"), new LocalBackendOptions { SaveCoalescingDelay = LocalBackendOptions.DefaultSaveCoalescingDelay });
        Stack = new StackReference("minimal", "dev");
    }

    public string Root { get; }

    public string ProgramDll { get; private set; }

    public StackSettingsFile Settings { get; }

    public ISecretsCrypter Crypter { get; }

    public LocalBackend Backend { get; }

    public StackReference Stack { get; }

    public TestProvider Provider { get; } = new();

    public string ProjectFilePath => Path.Combine(Root, "project", "Pulumi.yaml");

    public string StateFilePath => Path.Combine(Root, "state", ".pulumi", "stacks", "minimal", "dev.json");

    public static async Task<Workspace> CreateAsync(string programDll)
    {
        var root = Path.Combine(Path.GetTempPath(), "infra-e2e-runs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "project"));
        var settings = new StackSettingsFile();
        var crypter = settings.OpenPassphraseCrypter("correct horse battery staple");
        settings.SetValue(ConfigKey.Parse("minimal:apiToken"), ConfigValue.Secure(crypter.Encrypt(SecretToken)));
        var workspace = new Workspace(root, programDll, settings, crypter);
        await workspace.UseProgramAsync(programDll).ConfigureAwait(false);
        await workspace.Backend.CreateStackAsync(workspace.Stack, SecretsProviderState.Passphrase(settings.EncryptionSalt!)).ConfigureAwait(false);
        return workspace;
    }

    /// <summary>Points Pulumi.yaml at another built program.</summary>
    public Task UseProgramAsync(string programDll)
    {
        ProgramDll = programDll;
        return File.WriteAllTextAsync(ProjectFilePath, $"""
            name: minimal
            runtime:
              name: dotnet
              options:
                binary: {programDll}
            config:
              greeting:
                type: string
                default: hello
            """);
    }

    public void SetGreeting(string greeting) => Settings.SetValue(ConfigKey.Parse("minimal:greeting"), ConfigValue.String(greeting));

    public async Task<(OperationResult Result, RecordingObserver Events)> RunAsync(
        OperationKind kind,
        IReadOnlyDictionary<string, string>? programEnvironment = null,
        CancellationToken cancellationToken = default)
    {
        var project = await ProjectLoader.LoadAsync(ProjectFilePath, cancellationToken).ConfigureAwait(false);
        var request = new OperationRequest
        {
            Kind = kind,
            Project = project,
            Stack = Stack,
            Backend = Backend,
            StackSettings = Settings,
            Crypter = Crypter,
            BuiltInProviders = new Dictionary<string, Infra.Engine.Providers.ProviderFactory> { [TestProvider.PackageName] = Provider.Factory },
            Parallel = 4,
            ProgramEnvironment = programEnvironment ?? new Dictionary<string, string>(),
        };
        var observer = new RecordingObserver();
        var result = await new DeploymentEngine().RunAsync(request, observer, cancellationToken).ConfigureAwait(false);
        return (result, observer);
    }

    /// <summary>Reads the state file the way any reader would and checks every integrity rule.</summary>
    public async Task<StackSnapshot> ReadValidStateAsync()
    {
        var data = await File.ReadAllBytesAsync(StateFilePath).ConfigureAwait(false);
        var snapshot = CheckpointSerializer.ReadCheckpoint(data, Crypter, StateFilePath).Latest;
        Assert.NotNull(snapshot);
        Assert.Empty(StateIntegrity.Check(snapshot));
        return snapshot;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
