namespace Infra.Assets;

/// <summary>An asset whose content is the given text.</summary>
/// <param name="text">The content.</param>
public sealed class StringAsset(string text) : Asset
{
    /// <summary>The content.</summary>
    public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));
}
