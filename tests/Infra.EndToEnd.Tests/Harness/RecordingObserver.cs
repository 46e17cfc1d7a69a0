using System.Collections.Concurrent;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;

namespace Infra.EndToEnd.Tests.Harness;

/// <summary>Records every event of a run, in order.</summary>
internal sealed class RecordingObserver : IOperationObserver
{
    private readonly ConcurrentQueue<OperationEvent> _events = new();

    public IReadOnlyList<OperationEvent> Events => [.. _events];

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(operationEvent);
        return ValueTask.CompletedTask;
    }

    /// <summary>A failure explanation for assertions: the result's failures, then every diagnostic and output line.</summary>
    public string Explain(OperationResult result) =>
        string.Join(Environment.NewLine, result.Failures.Concat(AllText().Where(t => t.Length > 0)));

    /// <summary>Every text an event carries (messages, output lines, rendered values), for secret leak checks.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var e in _events)
        {
            switch (e)
            {
                case DiagnosticEvent d:
                    yield return d.Message;
                    break;
                case ProgramOutputEvent o:
                    yield return o.Line;
                    break;
                case ResourceStepEvent s:
                    yield return s.Message ?? string.Empty;
                    foreach (var change in s.Changes)
                    {
                        yield return change.Old?.ToString() ?? string.Empty;
                        yield return change.New?.ToString() ?? string.Empty;
                    }

                    break;
                case OperationFinishedEvent f:
                    foreach (var failure in f.Result.Failures)
                    {
                        yield return failure;
                    }

                    foreach (var output in f.Result.Outputs.Values)
                    {
                        yield return output.ToString();
                    }

                    break;
            }
        }
    }
}
