namespace Infra.ProxmoxVE;

/// <summary>
/// Thrown by a proxmoxve resource constructor when known inputs break the provider's rules. The message
/// lists every problem, one per line, as <c>Args.Property: rule (was value)</c>; secrets are never shown.
/// </summary>
public sealed class ProxmoxVEValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="typeToken">The resource type token.</param>
    /// <param name="resourceName">The logical name of the resource.</param>
    /// <param name="problems">Every problem found.</param>
    public ProxmoxVEValidationException(string typeToken, string resourceName, IReadOnlyList<string> problems)
        : base(BuildMessage(typeToken, resourceName, problems))
    {
        TypeToken = typeToken;
        ResourceName = resourceName;
        Problems = problems;
    }

    /// <summary>The resource type token.</summary>
    public string TypeToken { get; }

    /// <summary>The logical name of the resource.</summary>
    public string ResourceName { get; }

    /// <summary>Every problem, as <c>Args.Property: rule (was value)</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string BuildMessage(string typeToken, string resourceName, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"{typeToken} '{resourceName}' has invalid arguments ({problems.Count} {noun}):"
            + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}
