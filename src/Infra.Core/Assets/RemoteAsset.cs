namespace Infra.Assets;

/// <summary>An asset fetched from a URI (http, https or file).</summary>
/// <param name="uri">The URI.</param>
public sealed class RemoteAsset(string uri) : Asset
{
    /// <summary>The URI.</summary>
    public string Uri { get; } = uri ?? throw new ArgumentNullException(nameof(uri));
}
