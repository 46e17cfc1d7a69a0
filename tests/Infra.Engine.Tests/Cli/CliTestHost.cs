using Infra.Cli.Commands;
using Infra.Cli.Hosting;
using Infra.Engine.Deployments;
using Infra.Engine.State;

namespace Infra.Engine.Tests.Cli;

/// <summary>
/// Runs the <c>infra</c> command line in-process against a temporary project folder, with string writers,
/// an injected environment (never the process environment), an optional fake terminal and a fake engine.
/// </summary>
internal sealed class CliTestHost : IDisposable
{
    public const string Passphrase = "correct horse battery staple";
    public const string ProjectName = "demo";

    public CliTestHost(bool withPassphrase = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "infra-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "Pulumi.yaml"), $"name: {ProjectName}\nruntime: dotnet\n");
        if (withPassphrase)
        {
            Environment["PULUMI_CONFIG_PASSPHRASE"] = Passphrase;
        }
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public FakeTerminal? Terminal { get; set; }

    public FakeDeploymentEngine Engine { get; } = new();

    public string Input { get; set; } = string.Empty;

    public string StdOut { get; private set; } = string.Empty;

    public string StdErr { get; private set; } = string.Empty;

    public LocalBackend Backend => new(Root);

    public static StackReference Stack(string name) => new(ProjectName, name);

    public async Task<int> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var services = new CliServices
        {
            Out = output,
            Error = error,
            In = new StringReader(Input),
            Environment = Environment,
            WorkingDirectory = Root,
            Terminal = Terminal,
            EngineFactory = () => Engine,
            ProcessorCount = 2,
        };
        var code = await new CliApplication(services).RunAsync(args, TestContext.Current.CancellationToken);
        StdOut = output.ToString();
        StdErr = error.ToString();
        return code;
    }

    /// <summary>Creates a stack directly through the backend, without a secrets provider (fast: no key derivation).</summary>
    public async Task CreatePlainStackAsync(string name, StackSnapshot? snapshot = null)
    {
        var backend = Backend;
        var stack = Stack(name);
        await backend.CreateStackAsync(stack, secretsProvider: null, TestContext.Current.CancellationToken);
        if (snapshot is not null)
        {
            await using var stackLock = await backend.AcquireLockAsync(stack, TestContext.Current.CancellationToken);
            await backend.SaveAsync(stack, snapshot, crypter: null, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
