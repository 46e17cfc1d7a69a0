namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// URN construction and strict parsing as the engine does it (pulumi-protocol.md §8):
/// <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;qualifiedType&gt;::&lt;name&gt;</c>, where the qualified type
/// is the parent's qualified type, <c>$</c> and the type, unless the parent is the stack or absent.
/// </summary>
public static class UrnRules
{
    /// <summary>The prefix every URN starts with.</summary>
    public const string Prefix = "urn:pulumi:";

    private const string Delimiter = "::";

    /// <summary>Builds the qualified type of a resource from its parent's qualified type.</summary>
    /// <param name="parentQualifiedType">The parent's qualified type, or <see langword="null"/> when the parent is the stack or absent.</param>
    /// <param name="type">The resource's own type token.</param>
    public static string QualifyType(string? parentQualifiedType, string type) =>
        string.IsNullOrEmpty(parentQualifiedType) ? type : parentQualifiedType + "$" + type;

    /// <summary>Builds a URN.</summary>
    /// <param name="stack">The stack name.</param>
    /// <param name="project">The project name.</param>
    /// <param name="qualifiedType">The qualified type (see <see cref="QualifyType"/>).</param>
    /// <param name="name">The logical name.</param>
    public static string Create(string stack, string project, string qualifiedType, string name) =>
        $"{Prefix}{stack}{Delimiter}{project}{Delimiter}{qualifiedType}{Delimiter}{name}";

    /// <summary>
    /// Parses a URN strictly: the prefix, at least three <c>::</c>, and non-empty stack, project,
    /// qualified type and name; the qualified type has no empty <c>$</c> part.
    /// </summary>
    /// <param name="value">The candidate URN.</param>
    /// <param name="urn">The parsed segments when valid.</param>
    public static bool TryParse(string? value, out ParsedUrn urn)
    {
        urn = null!;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value[Prefix.Length..];
        var first = rest.IndexOf(Delimiter, StringComparison.Ordinal);
        if (first < 0)
        {
            return false;
        }

        var second = rest.IndexOf(Delimiter, first + Delimiter.Length, StringComparison.Ordinal);
        if (second < 0)
        {
            return false;
        }

        var third = rest.IndexOf(Delimiter, second + Delimiter.Length, StringComparison.Ordinal);
        if (third < 0)
        {
            return false;
        }

        var stack = rest[..first];
        var project = rest[(first + Delimiter.Length)..second];
        var qualifiedType = rest[(second + Delimiter.Length)..third];
        var name = rest[(third + Delimiter.Length)..];
        if (stack.Length == 0 || project.Length == 0 || qualifiedType.Length == 0 || name.Length == 0
            || qualifiedType.Split('$').Any(part => part.Length == 0))
        {
            return false;
        }

        urn = new ParsedUrn(stack, project, qualifiedType, name);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a strictly valid URN.</summary>
    /// <param name="value">The candidate URN.</param>
    public static bool IsValid(string? value) => TryParse(value, out _);
}
