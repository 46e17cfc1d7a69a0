namespace Infra.Engine.Projects;

/// <summary>
/// A project file, stack settings file or stack configuration broke one or more rules. The message
/// has a headline and one line per problem, so a user can fix everything in one go.
/// </summary>
internal sealed class ProjectValidationException : Exception
{
    public ProjectValidationException()
        : this("The project is invalid.", [])
    {
    }

    public ProjectValidationException(string? message)
        : this(message ?? "The project is invalid.", [])
    {
    }

    public ProjectValidationException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Headline = message ?? string.Empty;
        Problems = [];
    }

    public ProjectValidationException(string headline, IReadOnlyList<ValidationProblem> problems, Exception? innerException = null)
        : base(FormatMessage(headline, problems), innerException)
    {
        Headline = headline;
        Problems = problems;
    }

    /// <summary>The first line of the message, naming the file or stack.</summary>
    public string Headline { get; }

    /// <summary>Every broken rule, in the order found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string FormatMessage(string headline, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            return headline;
        }

        var noun = problems.Count == 1 ? "problem" : "problems";
        var lines = problems.Select(problem => $"{Environment.NewLine}  - {problem}");
        return $"{headline} ({problems.Count} {noun}):{string.Concat(lines)}";
    }
}
