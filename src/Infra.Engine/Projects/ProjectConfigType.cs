using System.Diagnostics.CodeAnalysis;

namespace Infra.Engine.Projects;

/// <summary>
/// A declared config type: <c>string</c>, <c>integer</c>, <c>boolean</c>, <c>object</c>, or
/// <c>array</c> with an item type (printed <c>array&lt;string&gt;</c>).
/// </summary>
internal sealed record ProjectConfigType
{
    /// <summary>The type.</summary>
    public required ProjectConfigTypeKind Kind { get; init; }

    /// <summary>The item type of an array; null otherwise.</summary>
    public ProjectConfigType? Items { get; init; }

    /// <summary>Parses a type name as written in <c>Pulumi.yaml</c>.</summary>
    public static bool TryParseKind(string? text, out ProjectConfigTypeKind kind)
    {
        switch (text)
        {
            case "string":
                kind = ProjectConfigTypeKind.String;
                return true;
            case "integer":
                kind = ProjectConfigTypeKind.Integer;
                return true;
            case "boolean":
                kind = ProjectConfigTypeKind.Boolean;
                return true;
            case "array":
                kind = ProjectConfigTypeKind.Array;
                return true;
            case "object":
                kind = ProjectConfigTypeKind.Object;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>
    /// Checks a value against this type. Strings that parse as integers or as <c>true</c>/<c>false</c>
    /// count for <c>integer</c> and <c>boolean</c>, since the CLI stores config as strings.
    /// </summary>
    /// <param name="value">The value, with secure leaves already decrypted into strings.</param>
    public bool Accepts(ConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Kind switch
        {
            ProjectConfigTypeKind.String => value.IsScalar && value.Kind != ConfigValueKind.Null,
            ProjectConfigTypeKind.Integer => IsInteger(value),
            ProjectConfigTypeKind.Boolean => value.Kind == ConfigValueKind.Boolean
                || (value.Kind == ConfigValueKind.String && value.ScalarText is "true" or "false"),
            ProjectConfigTypeKind.Object => value.Kind == ConfigValueKind.Object,
            ProjectConfigTypeKind.Array => value.Kind == ConfigValueKind.Array
                && (Items is null || value.Items.All(Items.Accepts)),
            _ => false,
        };
    }

    /// <summary>The type as Pulumi prints it: <c>integer</c>, <c>array&lt;string&gt;</c>.</summary>
    public override string ToString()
    {
        var name = KindName(Kind);
        return Items is null ? name : $"{name}<{Items}>";
    }

    [SuppressMessage("Globalization", "CA1308:Normalize strings to uppercase", Justification = "Pulumi type names are lowercase.")]
    private static string KindName(ProjectConfigTypeKind kind) => kind.ToString().ToLowerInvariant();

    private static bool IsInteger(ConfigValue value)
    {
        switch (value.Kind)
        {
            case ConfigValueKind.Integer:
                return true;
            case ConfigValueKind.Float:
                var number = YamlScalars.ParseFloat(value.ScalarText);
                return double.IsFinite(number) && Math.Floor(number) == number;
            case ConfigValueKind.String:
                return long.TryParse(value.ScalarText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
            default:
                return false;
        }
    }
}
