namespace Infra.Engine.Planning;

/// <summary>
/// A registration of a resource that <c>--target</c> does not name and that does not exist yet: it is not
/// created. The protocol server answers it with <c>SKIP</c> when the program supports result reporting.
/// </summary>
internal sealed class NotTargetedException : Exception
{
    public NotTargetedException(string urn)
        : base(
            $"Resource '{urn}' is not in --target and does not exist yet, so it was not created. " +
            $"Add it to --target (--target '{urn}') to create it.")
    {
        Urn = urn;
    }

    /// <summary>The URN of the resource that was not created.</summary>
    public string Urn { get; }
}
