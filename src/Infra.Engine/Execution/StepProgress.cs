using Infra.Engine.Planning;

namespace Infra.Engine.Execution;

/// <summary>
/// Forwards a provider's progress messages for one step to the step observer, synchronously (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronisation context). Empty messages are dropped, and an
/// observer that throws never disturbs the provider.
/// </summary>
internal sealed class StepProgress(IStepObserver observer, Step step) : IProgress<string>
{
    /// <inheritdoc/>
    public void Report(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        try
        {
            observer.OnProgress(step, value.Trim());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Progress is best effort: a rendering problem must not fail a step that is changing real resources.
        }
    }
}
