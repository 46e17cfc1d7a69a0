using System.Globalization;

namespace Infra.Engine.Projects;

/// <summary>The name rules for projects and stacks (1–100 characters from <c>[A-Za-z0-9_.-]</c>).</summary>
internal static class NameRules
{
    /// <summary>The longest allowed project or stack name.</summary>
    public const int MaxLength = 100;

    /// <summary>Returns the broken project-name rule, or null when the name is valid.</summary>
    public static string? CheckProjectName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "project names may not be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"project names are limited to {MaxLength} characters";
        }

        if (!name.All(IsNameCharacter))
        {
            return "project names may only contain alphanumerics, hyphens, underscores, and periods";
        }

        if (name.Equals("pulumi", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("pulumi.", StringComparison.OrdinalIgnoreCase))
        {
            return "project names may not be 'pulumi' or start with 'pulumi.' (reserved for the Pulumi namespace)";
        }

        return null;
    }

    /// <summary>Returns the broken stack-name rule (naming the first bad character), or null when valid.</summary>
    public static string? CheckStackName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "stack names may not be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"stack names are limited to {MaxLength} characters";
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (!IsNameCharacter(name[i]))
            {
                return "stack names may only contain alphanumerics, hyphens, underscores, and periods "
                    + $"(invalid character '{name[i]}' at position {i.ToString(CultureInfo.InvariantCulture)})";
            }
        }

        return null;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
