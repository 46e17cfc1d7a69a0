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

    public CommandProgram()
    {
        Root = Path.Combine(Path.GetTempPath(), "infra-cmd-e2e", Guid.NewGuid().ToString("N"));
    }

    public string Root { get; }

    public string Dll => ScratchProgram.DllOf(Root, "CommandApp");

    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    public static string RepositoryRoot =>
        typeof(CommandProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await ScratchProgram.WriteBuildPropsAsync(Root);
        var project = await ScratchProgram.WriteAsync(Root, "CommandApp", Program, Path.Combine(RepositoryRoot, "src", "Infra.Command", "Infra.Command.csproj"));
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
