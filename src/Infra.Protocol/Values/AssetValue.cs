namespace Infra.Protocol.Values;

/// <summary>An asset: exactly one of inline text, a file path or a URI, plus an optional SHA-256 hash.</summary>
/// <param name="Text">Inline contents.</param>
/// <param name="Path">A file path, relative to the program directory.</param>
/// <param name="Uri">A remote URI.</param>
/// <param name="Hash">The lowercase hex SHA-256 the engine fills in.</param>
public sealed record AssetValue(string? Text = null, string? Path = null, string? Uri = null, string? Hash = null);
