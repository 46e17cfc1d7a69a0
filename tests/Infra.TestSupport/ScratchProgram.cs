using Infra.Engine.Programs;

namespace Infra.TestSupport;

/// <summary>
/// A small Infra program in a temporary folder: a <c>Directory.Build.props</c> that stands in for the
/// repository's (target framework, implicit usings, nullable), project references by absolute path into this
/// repository, and a build with the engine's own build step into an artifacts folder of its own, so the
/// referenced projects never build into the repository's folder while other tests run.
/// </summary>
public static class ScratchProgram
{
    /// <summary>Writes the <c>Directory.Build.props</c> every program below <paramref name="root"/> uses.</summary>
    public static Task WriteBuildPropsAsync(string root) =>
        File.WriteAllTextAsync(Path.Combine(root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
            </Project>
            """);

    /// <summary>Writes <c>&lt;name&gt;/&lt;name&gt;.csproj</c> (an executable referencing <paramref name="references"/>) and its <c>Program.cs</c>.</summary>
    public static async Task<string> WriteAsync(string root, string name, string programSource, params string[] references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        var items = string.Join(Environment.NewLine, references.Select(r => $"    <ProjectReference Include=\"{r}\" />"));
        var project = Path.Combine(directory, name + ".csproj");
        await File.WriteAllTextAsync(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), programSource).ConfigureAwait(false);
        return project;
    }

    /// <summary>The environment of a build into <c>&lt;root&gt;/artifacts</c> (<c>ArtifactsPath</c> becomes an MSBuild property).</summary>
    public static IReadOnlyDictionary<string, string> BuildEnvironment(string root) => new Dictionary<string, string>
    {
        ["ArtifactsPath"] = Path.Combine(root, "artifacts"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>The built program <c>&lt;root&gt;/artifacts/bin/&lt;name&gt;/debug/&lt;name&gt;.dll</c>.</summary>
    public static string DllOf(string root, string name) => Path.Combine(root, "artifacts", "bin", name, "debug", name + ".dll");

    /// <summary>
    /// Builds <paramref name="projectPath"/> with the engine's build step into <c>&lt;root&gt;/artifacts</c>; returns the
    /// build output (also when the build fails, through <paramref name="output"/>, for the failure message).
    /// </summary>
    public static async Task BuildAsync(string root, string projectPath, List<string> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var command = new ProgramCommand { ProgramDirectory = Path.GetDirectoryName(projectPath)!, ProjectPath = projectPath };
        await ProgramLauncher.BuildAsync(command, BuildEnvironment(root), (line, _) =>
        {
            lock (output)
            {
                output.Add(line);
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
    }
}
