using System.Reflection;
using Infra.Engine.Programs;

namespace Infra.EndToEnd.Tests.Harness;

/// <summary>
/// Copies <c>samples/Minimal</c> into a temporary directory (fixing its relative ProjectReference to
/// <c>src/Infra.Core</c>), adds a second program that throws after registering, and builds both once
/// with the engine's own build step. Tests then run the built DLLs (<c>runtime.options.binary</c>),
/// so each engine run costs no build.
/// </summary>
public sealed class SamplePrograms : IAsyncLifetime
{
    private const string ThrowingProgram = """
        using Infra;
        using Minimal;

        return await Deployment.RunAsync(Program);

        static void Program()
        {
            var site = new GreetingSite("site", "hello", null);
            throw new ResourceException("the site cannot be published: injected program failure", site);
        }
        """;

    public SamplePrograms()
    {
        Root = Path.Combine(Path.GetTempPath(), "infra-e2e", Guid.NewGuid().ToString("N"));
    }

    /// <summary>The temporary copy.</summary>
    public string Root { get; }

    /// <summary>The copied sample's folder.</summary>
    public string MinimalDirectory => Path.Combine(Root, "Minimal");

    /// <summary>The built Minimal program.</summary>
    public string MinimalDll => Path.Combine(Root, "artifacts", "bin", "Minimal", "debug", "Minimal.dll");

    /// <summary>The built program that throws a <c>ResourceException</c> after registering the site component.</summary>
    public string ThrowingDll => Path.Combine(Root, "artifacts", "bin", "Throwing", "debug", "Throwing.dll");

    /// <summary>The build output, kept for failure messages.</summary>
    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    /// <summary>The repository root, recorded at build time.</summary>
    public static string RepositoryRoot =>
        typeof(SamplePrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>
    /// Environment for builds: an artifacts folder of our own (<c>ArtifactsPath</c> becomes an MSBuild
    /// property), so the SDK projects the copies reference never build into the repository's folder.
    /// </summary>
    public IReadOnlyDictionary<string, string> BuildEnvironment => new Dictionary<string, string>
    {
        ["ArtifactsPath"] = Path.Combine(Root, "artifacts"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var source = Path.Combine(RepositoryRoot, "samples", "Minimal");
        var minimal = Path.Combine(Root, "Minimal");
        CopyDirectory(source, minimal);
        var core = Path.Combine(RepositoryRoot, "src", "Infra.Core", "Infra.Core.csproj");
        var project = Path.Combine(minimal, "Minimal.csproj");
        var text = await File.ReadAllTextAsync(project).ConfigureAwait(false);
        await File.WriteAllTextAsync(project, text.Replace("../../src/Infra.Core/Infra.Core.csproj", core, StringComparison.Ordinal)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
            </Project>
            """).ConfigureAwait(false);

        var throwing = Path.Combine(Root, "Throwing");
        Directory.CreateDirectory(throwing);
        await File.WriteAllTextAsync(Path.Combine(throwing, "Program.cs"), ThrowingProgram).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(throwing, "Throwing.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Minimal/Minimal.csproj" />
              </ItemGroup>
            </Project>
            """).ConfigureAwait(false);

        var output = new List<string>();
        var command = new ProgramCommand { ProgramDirectory = throwing, ProjectPath = Path.Combine(throwing, "Throwing.csproj") };
        try
        {
            await ProgramLauncher.BuildAsync(command, BuildEnvironment, (line, _) =>
            {
                lock (output)
                {
                    output.Add(line);
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        finally
        {
            BuildOutput = output;
        }
    }

    /// <inheritdoc/>
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

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(target, name));
            }
        }
    }
}
