namespace Infra.Engine.Providers.Test;

/// <summary>One call the <see cref="TestProvider"/> received, in arrival order.</summary>
/// <param name="Sequence">Arrival order, starting at 1.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Urn">The resource URN (null for Configure and Invoke).</param>
/// <param name="Id">The resource ID, when the call had one.</param>
/// <param name="Preview">Whether the call was a preview.</param>
internal sealed record TestProviderCall(long Sequence, ProviderOperation Operation, string? Urn, string? Id, bool Preview)
{
    /// <summary>The request's progress reporter (Create/Read/Update/Delete), so an <see cref="TestProvider.OnCall"/> hook can report progress.</summary>
    public IProgress<string>? Progress { get; init; }
}
