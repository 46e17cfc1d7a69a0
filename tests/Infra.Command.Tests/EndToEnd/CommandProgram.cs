using System.Reflection;
using Infra.Engine.Programs;

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

    public string Dll => Path.Combine(Root, "artifacts", "bin", "CommandApp", "debug", "CommandApp.dll");

    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    public static string RepositoryRoot =>
        typeof(CommandProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public async ValueTask InitializeAsync()
    {
        var app = Path.Combine(Root, "CommandApp");
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), Program);
        await File.WriteAllTextAsync(Path.Combine(app, "CommandApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(RepositoryRoot, "src", "Infra.Command", "Infra.Command.csproj")}" />
              </ItemGroup>
            </Project>
            """);
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
        var output = new List<string>();
        var environment = new Dictionary<string, string>
        {
            ["ArtifactsPath"] = Path.Combine(Root, "artifacts"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        try
        {
            await ProgramLauncher.BuildAsync(new ProgramCommand { ProgramDirectory = app, ProjectPath = Path.Combine(app, "CommandApp.csproj") }, environment, (line, _) =>
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
