using System.Collections.Immutable;

namespace Infra.Engine.Planning;

/// <summary>A resource cannot be planned: invalid inputs, a protected resource, a duplicate URN, a missing provider.</summary>
internal sealed class PlanningException : Exception
{
    public PlanningException(string? urn, string message, ImmutableArray<string> problems = default, Exception? innerException = null)
        : base(message, innerException)
    {
        Urn = urn;
        Problems = problems.IsDefault ? [] : problems;
    }

    /// <summary>The resource the problem is about, when it is about one.</summary>
    public string? Urn { get; }

    /// <summary>Each problem on its own (for example one entry per invalid property).</summary>
    public ImmutableArray<string> Problems { get; }
}
