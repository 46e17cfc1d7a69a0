using Infra.Protocol;

namespace Infra.Engine.Planning;

/// <summary>
/// Builds and takes apart URNs of the form <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;qualifiedType&gt;::&lt;name&gt;</c>
/// (pulumi-protocol.md §8).
/// </summary>
internal static class ResourceUrn
{
    private const string Prefix = "urn:pulumi:";
    private const string Separator = "::";

    /// <summary>Creates the URN of a resource; the parent's qualified type is prefixed unless the parent is the stack.</summary>
    public static string Create(string stack, string project, string? parentUrn, string type, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var qualifiedType = type;
        if (!string.IsNullOrEmpty(parentUrn) && TypeOf(parentUrn) != WireConstants.StackType)
        {
            qualifiedType = QualifiedTypeOf(parentUrn) + "$" + type;
        }

        return $"{Prefix}{stack}{Separator}{project}{Separator}{qualifiedType}{Separator}{name}";
    }

    /// <summary>Whether <paramref name="urn"/> starts with <c>urn:pulumi:</c> and has at least three <c>::</c>.</summary>
    public static bool IsValid(string? urn)
    {
        if (urn is null || !urn.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var count = 0;
        var index = Prefix.Length;
        while ((index = urn.IndexOf(Separator, index, StringComparison.Ordinal)) >= 0)
        {
            count++;
            index += Separator.Length;
        }

        return count >= 3;
    }

    /// <summary>The stack segment.</summary>
    public static string StackOf(string urn) => Split(urn)[0];

    /// <summary>The project segment.</summary>
    public static string ProjectOf(string urn) => Split(urn)[1];

    /// <summary>The qualified type (parent type chain joined with <c>$</c>).</summary>
    public static string QualifiedTypeOf(string urn) => Split(urn)[2];

    /// <summary>The plain type: the last <c>$</c> part of the qualified type.</summary>
    public static string TypeOf(string urn)
    {
        var qualified = QualifiedTypeOf(urn);
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0 ? qualified : qualified[(dollar + 1)..];
    }

    /// <summary>The logical name: everything after the third <c>::</c>.</summary>
    public static string NameOf(string urn) => Split(urn)[3];

    /// <summary>The package of a type or function token: its first <c>:</c> segment.</summary>
    public static string PackageOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? token : token[..colon];
    }

    private static string[] Split(string urn)
    {
        if (!IsValid(urn))
        {
            throw new FormatException($"'{urn}' is not a valid URN; expected 'urn:pulumi:<stack>::<project>::<type>::<name>'.");
        }

        return urn[Prefix.Length..].Split(Separator, 4);
    }
}
