using System.Text.Json;
using Infra.Cli.Hosting;
using Infra.Engine.Projects;
using Infra.Engine.Secrets;
using Infra.Engine.State;

namespace Infra.Cli.Workspace;

/// <summary>
/// The project a command works on, its local backend, and the current stack. The current stack is stored
/// per project in <c>&lt;project root&gt;/.pulumi/workspace.json</c> as <c>{"stack":"&lt;name&gt;"}</c>;
/// <c>--stack</c> overrides it, and when nothing is selected and exactly one stack exists, that one is used.
/// </summary>
internal sealed class CliWorkspace
{
    /// <summary>The file that records the selected stack, relative to the project root.</summary>
    public const string WorkspaceFile = ".pulumi/workspace.json";

    private readonly CliServices _services;
    private readonly bool _interactive;

    private CliWorkspace(CliServices services, bool interactive, string workingDirectory, ProjectFile project, LocalBackend backend)
    {
        _services = services;
        _interactive = interactive;
        WorkingDirectory = workingDirectory;
        Project = project;
        Backend = backend;
    }

    public string WorkingDirectory { get; }

    public ProjectFile Project { get; }

    public LocalBackend Backend { get; }

    /// <summary>The absolute path of the workspace file.</summary>
    public string WorkspaceFilePath => Path.Combine(Project.RootDirectory, ".pulumi", "workspace.json");

    /// <summary>Finds <c>Pulumi.yaml</c> from <paramref name="cwd"/> (or the working directory) upwards and opens its backend.</summary>
    public static async Task<CliWorkspace> OpenAsync(CliServices services, string? cwd, bool interactive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var workingDirectory = services.WorkingDirectory;
        if (cwd is not null)
        {
            workingDirectory = Path.GetFullPath(cwd, services.WorkingDirectory);
            if (!Directory.Exists(workingDirectory))
            {
                throw new UsageException($"--cwd: the directory does not exist (was '{cwd}')");
            }
        }

        var project = await ProjectLoader.FindAndLoadAsync(workingDirectory, cancellationToken).ConfigureAwait(false);
        var root = BackendLocator.ResolveRoot(services.Environment, project, workingDirectory);
        var backend = new LocalBackend(root, new LocalBackendOptions
        {
            TimeProvider = services.TimeProvider,
            CancelCommand = "infra cancel",
            SaveCoalescingDelay = LocalBackendOptions.DefaultSaveCoalescingDelay,
            Gzip = services.Environment.TryGetValue("PULUMI_DIY_BACKEND_GZIP", out var gzip) && gzip is "1" or "true",
        });
        return new CliWorkspace(services, interactive, workingDirectory, project, backend);
    }

    /// <summary>The selected stack's name, or null.</summary>
    public string? ReadSelectedStack()
    {
        if (!File.Exists(WorkspaceFilePath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(WorkspaceFilePath));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("stack", out var stack)
                && stack.ValueKind == JsonValueKind.String
                    ? stack.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="stackName"/> as selected, or clears the selection when null.</summary>
    public void WriteSelectedStack(string? stackName)
    {
        if (stackName is null)
        {
            if (File.Exists(WorkspaceFilePath))
            {
                File.Delete(WorkspaceFilePath);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(WorkspaceFilePath)!);
        var temporary = WorkspaceFilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Dictionary<string, string> { ["stack"] = stackName }) + "\n");
        File.Move(temporary, WorkspaceFilePath, overwrite: true);
    }

    /// <summary>Parses a stack name given by the user.</summary>
    /// <exception cref="UsageException">The name is invalid or names another project.</exception>
    public StackReference ParseStack(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        StackName name;
        try
        {
            name = StackName.Parse(text, Project.Name);
        }
        catch (ProjectValidationException exception)
        {
            throw new UsageException($"{source}: {exception.Message}", exception);
        }

        if (name.Project is not null && name.Project != Project.Name)
        {
            throw new UsageException(
                $"{source}: the stack belongs to project '{name.Project}', but the current project is '{Project.Name}' (was '{text}')");
        }

        return new StackReference(Project.Name, name.Name);
    }

    /// <summary>
    /// The stack to work on: <paramref name="stackOption"/> (<c>--stack</c>), else the selected stack, else
    /// the only stack. The stack must exist.
    /// </summary>
    /// <exception cref="UsageException">No stack is selected, or the named stack does not exist.</exception>
    public async Task<StackReference> ResolveStackAsync(string? stackOption, CancellationToken cancellationToken = default)
    {
        if (stackOption is not null)
        {
            var named = ParseStack(stackOption, "--stack");
            if (!await Backend.StackExistsAsync(named, cancellationToken).ConfigureAwait(false))
            {
                throw new UsageException($"--stack: no stack named '{named.Name}' found in project '{Project.Name}'; create it with `infra stack init {named.Name}`");
            }

            return named;
        }

        var selected = ReadSelectedStack();
        if (selected is not null)
        {
            var stack = ParseStack(selected, WorkspaceFile);
            if (await Backend.StackExistsAsync(stack, cancellationToken).ConfigureAwait(false))
            {
                return stack;
            }

            throw new UsageException(
                $"the selected stack '{selected}' no longer exists; select another with `infra stack select <name>` or pass --stack");
        }

        var stacks = await Backend.ListStacksAsync(Project.Name, cancellationToken).ConfigureAwait(false);
        return stacks.Length switch
        {
            1 => stacks[0],
            0 => throw new UsageException("no stack selected and the project has no stacks; create one with `infra stack init <name>`"),
            _ => throw new UsageException(
                $"no stack selected; pass --stack or run `infra stack select <name>` (stacks: {string.Join(", ", stacks.Select(s => s.Name))})"),
        };
    }

    /// <summary>The path of <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public string SettingsPath(StackReference stack) => Project.GetStackSettingsPath(stack.Name);

    /// <summary>Loads the stack's settings file (empty when it does not exist).</summary>
    public Task<StackSettingsFile> LoadSettingsAsync(StackReference stack, CancellationToken cancellationToken = default) =>
        StackSettingsFile.LoadOrEmptyAsync(SettingsPath(stack), cancellationToken);

    /// <summary>
    /// Opens the stack's passphrase crypter, reading the passphrase from PULUMI_CONFIG_PASSPHRASE(_FILE) or,
    /// on a terminal, a no-echo prompt. Key derivation is slow: call this once per command.
    /// </summary>
    public PassphraseSecretsCrypter OpenCrypter(StackSettingsFile settings, bool createIfMissing)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var isNew = settings.EncryptionSalt is null;
        var passphrase = ReadPassphrase(confirm: isNew && createIfMissing);
        return settings.OpenPassphraseCrypter(passphrase, createIfMissing);
    }

    /// <summary>Reads the passphrase; a new one typed at the terminal is asked twice.</summary>
    public string ReadPassphrase(bool confirm)
    {
        var terminal = _interactive ? _services.Terminal : null;
        Func<string>? prompt = terminal is null
            ? null
            : () =>
            {
                if (!confirm)
                {
                    return terminal.ReadSecret($"{PassphraseSource.PromptMessage} {PassphraseSource.PromptHint}:");
                }

                var first = terminal.ReadSecret("Enter your passphrase to protect config/secrets:");
                var second = terminal.ReadSecret("Re-enter your passphrase to confirm:");
                return first == second
                    ? first
                    : throw new UsageException("passphrase: the two passphrases you entered do not match");
            };
        return PassphraseSource.Read(_services.Environment, prompt, WorkingDirectory);
    }
}
