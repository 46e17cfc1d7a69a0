namespace Infra.Assets;

/// <summary>An archive fetched from a URI.</summary>
/// <param name="uri">The URI.</param>
public sealed class RemoteArchive(string uri) : Archive
{
    /// <summary>The URI.</summary>
    public string Uri { get; } = uri ?? throw new ArgumentNullException(nameof(uri));
}
