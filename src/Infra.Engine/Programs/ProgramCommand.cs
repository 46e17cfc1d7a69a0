using System.Collections.Immutable;
using Infra.Engine.Projects;

namespace Infra.Engine.Programs;

/// <summary>
/// How the program of a project is built and started, the way Pulumi's .NET language host does it
/// (pulumi-protocol.md §1.1, §1.3): <c>dotnet build -nologo &lt;projectPath&gt;</c> then
/// <c>dotnet run --no-build --project &lt;projectPath&gt;</c>; or, when <c>runtime.options.binary</c> is set,
/// no build and <c>dotnet &lt;x.dll&gt;</c> or the executable itself. The working directory is the program directory.
/// </summary>
internal sealed record ProgramCommand
{
    /// <summary>The program directory (the project root, or the folder <c>main</c> names); the working directory.</summary>
    public required string ProgramDirectory { get; init; }

    /// <summary>The path given to <c>dotnet build</c> and <c>dotnet run --project</c>.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>The pre-built program (<c>runtime.options.binary</c>) resolved against the program directory, or null.</summary>
    public string? Binary { get; init; }

    /// <summary>The <c>dotnet</c> executable (<c>runtime.options.use-executor</c>, or <c>dotnet</c> from PATH).</summary>
    public string Executor { get; init; } = "dotnet";

    /// <summary>Whether the program must be built first (no <c>binary</c>).</summary>
    public bool NeedsBuild => Binary is null;

    /// <summary>Resolves the command for <paramref name="project"/>.</summary>
    /// <exception cref="InvalidOperationException">The project has no runtime or a runtime other than <c>dotnet</c>.</exception>
    public static ProgramCommand For(ProjectFile project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Runtime is null)
        {
            throw new InvalidOperationException($"Project '{project.Name}' ({project.FilePath}) has no runtime; the infra engine runs 'runtime: dotnet' programs.");
        }

        if (!string.Equals(project.Runtime.Name, "dotnet", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Project '{project.Name}' ({project.FilePath}): runtime '{project.Runtime.Name}' is not supported; the infra engine runs 'runtime: dotnet' programs.");
        }

        var main = project.ProgramPath;
        string directory;
        string projectPath;
        if (File.Exists(main))
        {
            directory = Path.GetDirectoryName(main) ?? project.RootDirectory;
            projectPath = main;
        }
        else
        {
            directory = main;
            projectPath = main;
        }

        var binary = project.Runtime.Binary;
        var executor = project.Runtime.Options.TryGetValue("use-executor", out var use) && use.IsScalar && use.ScalarText.Length > 0
            ? use.ScalarText
            : "dotnet";
        return new ProgramCommand
        {
            ProgramDirectory = directory,
            ProjectPath = projectPath,
            Binary = string.IsNullOrEmpty(binary) ? null : Path.GetFullPath(binary, directory),
            Executor = executor,
        };
    }

    /// <summary>The build command: <c>dotnet build -nologo &lt;projectPath&gt;</c>.</summary>
    public (string FileName, ImmutableArray<string> Arguments) BuildCommand() => (Executor, ["build", "-nologo", ProjectPath]);

    /// <summary>The run command: <c>dotnet run --no-build --project &lt;projectPath&gt;</c>, <c>dotnet &lt;x.dll&gt;</c> or the binary.</summary>
    public (string FileName, ImmutableArray<string> Arguments) RunCommand()
    {
        if (Binary is null)
        {
            return (Executor, ["run", "--no-build", "--project", ProjectPath]);
        }

        return Binary.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? (Executor, [Binary]) : (Binary, []);
    }
}
