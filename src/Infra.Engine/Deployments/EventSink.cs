using Infra.Engine.Deployments.Events;

namespace Infra.Engine.Deployments;

/// <summary>
/// Hands events to the <see cref="IOperationObserver"/> one at a time, in the order they are emitted,
/// although they come from parallel steps, RPCs and the program's output streams. An observer that
/// throws does not stop the run.
/// </summary>
internal sealed class EventSink(IOperationObserver observer) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Delivers <paramref name="operationEvent"/>.</summary>
    public async ValueTask EmitAsync(OperationEvent operationEvent)
    {
        ArgumentNullException.ThrowIfNull(operationEvent);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await observer.OnEventAsync(operationEvent, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Rendering problems must not break a deployment that is changing real resources.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();
}
