namespace Infra.Engine.Projects;

/// <summary>
/// A stack reference as the file backend accepts it: <c>stack</c>, <c>organization/stack</c> or
/// <c>organization/&lt;project&gt;/stack</c> (the organization is always the literal <c>organization</c>).
/// </summary>
internal sealed record StackName
{
    /// <summary>The only organization name the file backend knows.</summary>
    public const string DefaultOrganization = "organization";

    /// <summary>The short stack name, e.g. <c>dev</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The project part, when the reference was fully qualified.</summary>
    public string? Project { get; init; }

    /// <summary>Parses and validates a stack reference; every broken rule is reported at once.</summary>
    /// <param name="text">The reference.</param>
    /// <param name="currentProject">The current project, used when the reference has no project part.</param>
    /// <exception cref="ProjectValidationException">The reference is invalid.</exception>
    public static StackName Parse(string text, string? currentProject = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<ValidationProblem>();
        var parts = text.Split('/');
        string name;
        string? project = currentProject;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                CheckOrganization(parts[0], problems);
                name = parts[1];
                break;
            case 3:
                CheckOrganization(parts[0], problems);
                project = parts[1];
                if (NameRules.CheckProjectName(project) is { } projectRule)
                {
                    problems.Add(new ValidationProblem { Key = "stack.project", Rule = projectRule, Value = project });
                }

                name = parts[2];
                break;
            default:
                problems.Add(new ValidationProblem
                {
                    Key = "stack",
                    Rule = "a stack reference must be 'stack', 'organization/stack' or 'organization/<project>/stack'",
                    Value = text,
                });
                throw new ProjectValidationException($"Stack name '{text}' is invalid", problems);
        }

        if (NameRules.CheckStackName(name) is { } rule)
        {
            problems.Add(new ValidationProblem { Key = "stack", Rule = rule, Value = name });
        }

        if (problems.Count > 0)
        {
            throw new ProjectValidationException($"Stack name '{text}' is invalid", problems);
        }

        return new StackName { Name = name, Project = project };
    }

    /// <inheritdoc />
    public override string ToString() => Project is null ? Name : $"{DefaultOrganization}/{Project}/{Name}";

    private static void CheckOrganization(string organization, List<ValidationProblem> problems)
    {
        if (organization != DefaultOrganization)
        {
            problems.Add(new ValidationProblem
            {
                Key = "stack.organization",
                Rule = $"the local backend only knows the organization '{DefaultOrganization}'",
                Value = organization,
            });
        }
    }
}
