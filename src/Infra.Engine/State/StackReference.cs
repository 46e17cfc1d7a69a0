namespace Infra.Engine.State;

/// <summary>
/// A stack in the project-scoped file layout: project and stack name, each 1–100 characters from
/// <c>[A-Za-z0-9_.-]</c>. Its fully qualified name is <c>organization/&lt;project&gt;/&lt;stack&gt;</c>.
/// </summary>
internal sealed record StackReference
{
    public const string Organization = "organization";
    private const int MaxNameLength = 100;

    public StackReference(string project, string name)
    {
        var problems = new List<string>();
        Validate("project", project, problems);
        Validate("stack", name, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }

        Project = project;
        Name = name;
    }

    public string Project { get; }

    public string Name { get; }

    /// <summary><c>organization/&lt;project&gt;/&lt;stack&gt;</c>, as written in the checkpoint's <c>stack</c> field.</summary>
    public string FullyQualifiedName => $"{Organization}/{Project}/{Name}";

    /// <summary>Parses <c>organization/&lt;project&gt;/&lt;stack&gt;</c> or <c>&lt;project&gt;/&lt;stack&gt;</c>.</summary>
    public static StackReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts switch
        {
            [Organization, var project, var stack] => new StackReference(project, stack),
            [var project, var stack] => new StackReference(project, stack),
            _ => throw new ArgumentException(
                $"stack reference: must be 'organization/<project>/<stack>' or '<project>/<stack>' (was '{text}')", nameof(text)),
        };
    }

    public override string ToString() => FullyQualifiedName;

    private static void Validate(string what, string? value, List<string> problems)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxNameLength)
        {
            problems.Add($"{what} name: must be 1 to {MaxNameLength} characters long (was '{value}')");
            return;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '.' && c != '-')
            {
                problems.Add($"{what} name: may contain only letters, digits, '_', '.' and '-' (was '{value}')");
                return;
            }
        }

        if (value is "." or "..")
        {
            problems.Add($"{what} name: must not be '.' or '..' (was '{value}')");
        }
    }
}
