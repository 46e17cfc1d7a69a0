using System.Collections.Immutable;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Engine.Tests.Cli;

/// <summary>An engine that records its requests and plays back a scripted run for each.</summary>
internal sealed class FakeDeploymentEngine : IDeploymentEngine
{
    public List<OperationRequest> Requests { get; } = [];

    /// <summary>Produces the events and result of a run; the default creates one resource.</summary>
    public Func<OperationRequest, (IReadOnlyList<OperationEvent> Events, OperationResult Result)> Script { get; set; } = DefaultScript;

    public async Task<OperationResult> RunAsync(OperationRequest request, IOperationObserver observer, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        var (events, result) = Script(request);
        await observer.OnEventAsync(new OperationStartedEvent(request.Kind, request.Project.Name, request.Stack.Name), cancellationToken);
        foreach (var operationEvent in events)
        {
            await observer.OnEventAsync(operationEvent, cancellationToken);
        }

        await observer.OnEventAsync(new OperationFinishedEvent(result), cancellationToken);
        return result;
    }

    public static (IReadOnlyList<OperationEvent>, OperationResult) DefaultScript(OperationRequest request)
    {
        var stackUrn = $"urn:pulumi:{request.Stack.Name}::{request.Project.Name}::pulumi:pulumi:Stack::{request.Project.Name}-{request.Stack.Name}";
        var phase = request.Kind == OperationKind.Preview ? StepPhase.Started : StepPhase.Succeeded;
        IReadOnlyList<OperationEvent> events =
        [
            new ResourceStepEvent { Urn = stackUrn, Type = "pulumi:pulumi:Stack", Name = $"{request.Project.Name}-{request.Stack.Name}", Kind = StepKind.Create, Phase = phase },
            new ResourceStepEvent
            {
                Urn = $"urn:pulumi:{request.Stack.Name}::{request.Project.Name}::test:index:Resource::web",
                Type = "test:index:Resource",
                Name = "web",
                Parent = stackUrn,
                Kind = StepKind.Create,
                Phase = phase,
            },
        ];
        var result = new OperationResult
        {
            Kind = request.Kind,
            Succeeded = true,
            Counts = ImmutableSortedDictionary<StepKind, int>.Empty.Add(StepKind.Create, 2),
            Duration = TimeSpan.FromSeconds(1.5),
        };
        return (events, result);
    }
}
