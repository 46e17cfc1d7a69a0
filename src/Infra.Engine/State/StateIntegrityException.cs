using System.Collections.Immutable;
using System.Text;

namespace Infra.Engine.State;

/// <summary>A snapshot that breaks the integrity rules of pulumi-formats.md §4.5; lists every violation.</summary>
internal sealed class StateIntegrityException : Exception
{
    public StateIntegrityException()
    {
        Violations = [];
    }

    public StateIntegrityException(string? message)
        : base(message)
    {
        Violations = [];
    }

    public StateIntegrityException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    public StateIntegrityException(string context, ImmutableArray<IntegrityViolation> violations)
        : base(BuildMessage(context, violations))
    {
        Violations = violations;
    }

    public ImmutableArray<IntegrityViolation> Violations { get; }

    private static string BuildMessage(string context, ImmutableArray<IntegrityViolation> violations)
    {
        var builder = new StringBuilder();
        builder.Append("snapshot integrity failure: ").Append(context).Append(" breaks ")
            .Append(violations.Length).Append(" rule(s):");
        foreach (var violation in violations)
        {
            builder.Append('\n').Append("  - ").Append(violation.ToString());
        }

        return builder.ToString();
    }
}
