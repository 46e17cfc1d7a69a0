namespace Infra.Assets;

/// <summary>An asset read from a local file, relative to the program directory.</summary>
/// <param name="path">The file path.</param>
public sealed class FileAsset(string path) : Asset
{
    /// <summary>The file path.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));
}
