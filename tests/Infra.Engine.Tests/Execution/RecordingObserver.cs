using System.Collections.Concurrent;
using Infra.Engine.Execution;
using Infra.Engine.State;

namespace Infra.Engine.Tests.Execution;

/// <summary>Records every hook call, in order, into a shared event log.</summary>
internal sealed class RecordingObserver(ConcurrentQueue<string> log) : IStepObserver
{
    public ConcurrentQueue<StepResult> Results { get; } = new();

    public ConcurrentQueue<PendingOperation> Pending { get; } = new();

    public Task BeforeMutationAsync(PendingOperation operation, CancellationToken cancellationToken = default)
    {
        Pending.Enqueue(operation);
        log.Enqueue($"pending {operation.Type} {operation.Resource.Urn}");
        return Task.CompletedTask;
    }

    public Task AfterStepAsync(StepResult result, CancellationToken cancellationToken = default)
    {
        Results.Enqueue(result);
        log.Enqueue($"after {result.Step.Kind} {result.Status} {result.Step.Urn}");
        return Task.CompletedTask;
    }

    public ConcurrentQueue<PendingOperation> Abandoned { get; } = new();

    public Task AbandonMutationAsync(PendingOperation operation, CancellationToken cancellationToken = default)
    {
        Abandoned.Enqueue(operation);
        log.Enqueue($"abandon {operation.Type} {operation.Resource.Urn}");
        return Task.CompletedTask;
    }

    public void OnProgress(Infra.Engine.Planning.Step step, string message) => log.Enqueue($"progress {step.Urn} {message}");
}
