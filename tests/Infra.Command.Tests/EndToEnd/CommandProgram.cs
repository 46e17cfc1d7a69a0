using System.Reflection;
using Infra.TestSupport;

namespace Infra.Command.Tests.EndToEnd;

/// <summary>
/// Builds (once per class) a tiny real program that uses Infra.Command: a local command whose version, trigger and
/// log file come from the environment, plus a remote command when <c>CMD_SSH_PORT</c> is set.
/// </summary>
public sealed class CommandProgram : IAsyncLifetime
{
    private const string Program = """
        using Infra;
        using Infra.Command.Remote;
        using Local = Infra.Command.Local;

        return await Deployment.RunAsync(() =>
        {
            var log = Environment.GetEnvironmentVariable("CMD_LOG")!;
            new Local.Command("cmd", new Local.CommandArgs
            {
                Create = $"echo \"create $V\" >> {log}; echo out-$V",
                Update = $"echo \"update $V prev=$PULUMI_COMMAND_STDOUT\" >> {log}; echo out-$V",
                Delete = $"echo \"delete prev=$PULUMI_COMMAND_STDOUT\" >> {log}",
                Environment = new Dictionary<string, string> { ["V"] = Environment.GetEnvironmentVariable("CMD_VERSION")! },
                Triggers = new object[] { Environment.GetEnvironmentVariable("CMD_TRIGGER")! },
            });
            if (Environment.GetEnvironmentVariable("CMD_SSH_PORT") is { } port)
            {
                new Command("remote", new CommandArgs
                {
                    Connection = new ConnectionArgs
                    {
                        Host = "127.0.0.1",
                        Port = int.Parse(port),
                        PrivateKey = Environment.GetEnvironmentVariable("CMD_SSH_KEY")!,
                        HostKey = Environment.GetEnvironmentVariable("CMD_SSH_HOSTKEY")!,
                    },
                    Create = $"echo \"remote create\" >> {log}",
                    Delete = $"echo \"remote delete\" >> {log}",
                });
            }
        });
        """;

    private BuiltProgram? _built;

    /// <summary>The built program.</summary>
    public string Dll => Built.Dll;

    /// <summary>What the build printed.</summary>
    public IReadOnlyList<string> BuildOutput => Built.BuildOutput;

    public static string RepositoryRoot =>
        typeof(CommandProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private BuiltProgram Built => _built ?? throw new InvalidOperationException("The program has not been built yet.");

    public async ValueTask InitializeAsync() =>
        _built = await BuiltProgram.BuildAsync("infra-cmd-e2e", "CommandApp", Program, Path.Combine(RepositoryRoot, "src", "Infra.Command", "Infra.Command.csproj"));

    public ValueTask DisposeAsync()
    {
        _built?.Dispose();
        return ValueTask.CompletedTask;
    }
}
