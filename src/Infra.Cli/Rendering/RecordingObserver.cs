using System.Collections.Concurrent;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;

namespace Infra.Cli.Rendering;

/// <summary>Passes every event to an inner observer and keeps a copy (for the prompt's "details" choice).</summary>
internal sealed class RecordingObserver : IOperationObserver
{
    private readonly IOperationObserver _inner;
    private readonly ConcurrentQueue<OperationEvent> _events = new();

    public RecordingObserver(IOperationObserver inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>The events seen so far, in order.</summary>
    public IReadOnlyList<OperationEvent> Events => [.. _events];

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(operationEvent);
        return _inner.OnEventAsync(operationEvent, cancellationToken);
    }
}
