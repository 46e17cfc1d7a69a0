namespace Infra.Engine.Projects;

/// <summary>
/// A loaded and validated <c>Pulumi.yaml</c> (or <c>Pulumi.yml</c> / <c>Pulumi.json</c>). Paths in it
/// are relative to <see cref="RootDirectory"/>.
/// </summary>
internal sealed class ProjectFile
{
    /// <summary>The absolute path of the project file.</summary>
    public required string FilePath { get; init; }

    /// <summary>The project name: the default config namespace and part of every URN.</summary>
    public required string Name { get; init; }

    /// <summary>The language host; null when the file has none (allowed since CLI v3.243.0, but a program cannot run).</summary>
    public ProjectRuntime? Runtime { get; init; }

    /// <summary>The <c>main</c> program folder or file, relative to the root.</summary>
    public string? Main { get; init; }

    /// <summary>The <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The folder that holds <c>Pulumi.&lt;stack&gt;.yaml</c>, relative to the root.</summary>
    public string? StackConfigDir { get; init; }

    /// <summary>The <c>backend.url</c>, e.g. <c>file://./state</c>.</summary>
    public string? BackendUrl { get; init; }

    /// <summary>True when <c>options.refresh</c> is <c>always</c>.</summary>
    public bool RefreshAlways { get; init; }

    /// <summary>The project-level config declarations, in file order.</summary>
    public IReadOnlyList<ProjectConfigDeclaration> Config { get; init; } = [];

    /// <summary>The folder holding the project file.</summary>
    public string RootDirectory => Path.GetDirectoryName(FilePath) ?? FilePath;

    /// <summary>The project file's extension including the dot (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>).</summary>
    public string FileExtension => Path.GetExtension(FilePath);

    /// <summary>The absolute program path: the root, or <c>main</c> resolved against it.</summary>
    public string ProgramPath => Main is null ? RootDirectory : Path.GetFullPath(Main, RootDirectory);

    /// <summary>
    /// The path of <c>Pulumi.&lt;stack&gt;.&lt;ext&gt;</c>: beside the project file or in
    /// <see cref="StackConfigDir"/>. A qualified stack name uses only its last part.
    /// </summary>
    /// <exception cref="ProjectValidationException">The stack name is invalid.</exception>
    public string GetStackSettingsPath(string stackName)
    {
        var stack = StackName.Parse(stackName, Name);
        var folder = StackConfigDir is null ? RootDirectory : Path.GetFullPath(StackConfigDir, RootDirectory);
        return Path.Combine(folder, $"Pulumi.{stack.Name}{FileExtension}");
    }

    /// <summary>The declaration for a key, or null.</summary>
    public ProjectConfigDeclaration? FindDeclaration(ConfigKey key) => Config.FirstOrDefault(declaration => declaration.Key == key);

    /// <inheritdoc />
    public override string ToString() => $"project '{Name}' ({FilePath})";
}
