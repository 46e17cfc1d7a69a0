namespace Infra.Runtime;

/// <summary>URN rules of pulumi-protocol.md §8.</summary>
internal static class Urns
{
    public const string Prefix = "urn:pulumi:";

    public static string Create(string stack, string project, string qualifiedType, string name) =>
        $"{Prefix}{stack}::{project}::{qualifiedType}::{name}";

    /// <summary>Whether <paramref name="urn"/> has the URN shape (prefix and at least three <c>::</c>).</summary>
    public static bool IsValid(string? urn)
    {
        if (urn is null || !urn.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = urn[Prefix.Length..].Split("::", 4);
        return parts.Length == 4 && parts[0].Length > 0 && parts[2].Length > 0 && parts[3].Length > 0;
    }

    /// <summary>The plain type of a URN: the last <c>$</c> part of its qualified type.</summary>
    public static string TypeOf(string urn)
    {
        var qualified = urn[Prefix.Length..].Split("::", 4)[2];
        var index = qualified.LastIndexOf('$');
        return index < 0 ? qualified : qualified[(index + 1)..];
    }

    /// <summary>The name segment of a URN.</summary>
    public static string NameOf(string urn) => urn[Prefix.Length..].Split("::", 4)[3];

    /// <summary>The package of a type token: its first <c>:</c> segment (for providers, the third).</summary>
    public static string PackageOf(string type)
    {
        if (type.StartsWith(Protocol.WireConstants.ProviderTypePrefix, StringComparison.Ordinal))
        {
            return type[Protocol.WireConstants.ProviderTypePrefix.Length..];
        }

        var index = type.IndexOf(':', StringComparison.Ordinal);
        return index < 0 ? type : type[..index];
    }
}
