namespace Infra.Cli.Rendering;

/// <summary>Display rules for type tokens and resource rows (pulumi-formats.md §5.2).</summary>
internal static class TypeDisplay
{
    /// <summary>The type of the root stack resource.</summary>
    public const string StackType = "pulumi:pulumi:Stack";

    private const string ProviderTypePrefix = "pulumi:providers:";

    /// <summary>
    /// The display name of a type token: when the module has the form <c>&lt;mod&gt;/&lt;file&gt;</c> and
    /// <c>&lt;file&gt;</c> is the camel-cased resource name, <c>/&lt;file&gt;</c> is dropped
    /// (<c>aws:ec2/instance:Instance</c> shows as <c>aws:ec2:Instance</c>).
    /// </summary>
    public static string Simplify(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var parts = type.Split(':');
        if (parts.Length != 3)
        {
            return type;
        }

        var module = parts[1];
        var slash = module.LastIndexOf('/');
        if (slash < 0 || parts[2].Length == 0)
        {
            return type;
        }

        var file = module[(slash + 1)..];
        var camel = char.ToLowerInvariant(parts[2][0]) + parts[2][1..];
        return file == camel ? $"{parts[0]}:{module[..slash]}:{parts[2]}" : type;
    }

    /// <summary>True for a default provider (hidden and not counted).</summary>
    public static bool IsDefaultProvider(string type, string name) =>
        type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal) && name.StartsWith("default", StringComparison.Ordinal);

    /// <summary>True for the root stack resource.</summary>
    public static bool IsStack(string type) => type == StackType;

    /// <summary>The name part of a URN (<c>urn:pulumi:stack::project::type::name</c>).</summary>
    public static string NameOfUrn(string urn)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var index = urn.LastIndexOf("::", StringComparison.Ordinal);
        return index < 0 ? urn : urn[(index + 2)..];
    }

    /// <summary>The type part of a URN (the last type of the parent chain).</summary>
    public static string TypeOfUrn(string urn)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            return urn;
        }

        var typeChain = parts[2];
        var dollar = typeChain.LastIndexOf('$');
        return dollar < 0 ? typeChain : typeChain[(dollar + 1)..];
    }
}
