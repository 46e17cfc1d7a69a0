namespace Infra.Assets;

/// <summary>A local .zip, .tar, .tgz or .jar file, or a directory.</summary>
/// <param name="path">The path, relative to the program directory.</param>
public sealed class FileArchive(string path) : Archive
{
    /// <summary>The path.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));
}
