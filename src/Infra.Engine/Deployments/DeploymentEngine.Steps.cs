using System.Collections.Immutable;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.State;

namespace Infra.Engine.Deployments;

internal sealed partial class DeploymentEngine
{
    /// <summary>
    /// Destroy (every resource, or the targets and their dependents; reverse dependency order) and refresh (read every
    /// resource or the targets, record drift); the program is not run.
    /// </summary>
    private static async Task<OperationResult> RunWithoutProgramAsync(
        OperationRequest request,
        EventSink events,
        UpdateKind kind,
        CancellationToken cancellationToken)
    {
        var session = await request.Backend.BeginUpdateAsync(request.Stack, kind, request.Crypter, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await HandleInterruptedAsync(session, events, cancellationToken).ConfigureAwait(false);
            var registry = CreateRegistry(request);
            var planner = new Planner(
                new PlannerOptions { Stack = request.Stack.Name, Project = request.Project.Name, OldResources = session.Snapshot.Resources, Targets = request.Targets },
                registry);
            var recorder = new StepRecorder(session, events, request.TimeProvider);
            using var executor = CreateExecutor(request, preview: false, recorder);
            var failures = new List<string>();
            try
            {
                if (planner.UnknownTargets() is { IsEmpty: false } unknownTargets)
                {
                    throw new PlanningException(null, Planner.UnknownTargetsMessage(unknownTargets), unknownTargets);
                }

                var steps = kind == UpdateKind.Destroy
                    ? await planner.PlanDestroyAsync(cancellationToken).ConfigureAwait(false)
                    : await planner.PlanRefreshAsync(cancellationToken).ConfigureAwait(false);
                await executor.ExecuteAllAsync(steps, cancellationToken).ConfigureAwait(false);
            }
            catch (PlanningException ex)
            {
                failures.Add(ex.Message);
                await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, ex.Message, ex.Urn)).ConfigureAwait(false);
            }

            failures.AddRange(FailuresOf(executor.Summary));
            if (cancellationToken.IsCancellationRequested)
            {
                failures.Add("The operation was cancelled; steps in flight were completed and recorded.");
            }

            await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            var succeeded = failures.Count == 0 && executor.Summary.Succeeded;
            var counts = Sum(executor.Summary);
            var outputs = StackOutputsOf(session.Snapshot.Resources);
            await FinishAsync(session, succeeded, counts).ConfigureAwait(false);
            return new OperationResult
            {
                Kind = request.Kind,
                Succeeded = succeeded,
                Counts = counts,
                Failures = [.. failures],
                Outputs = outputs,
                Duration = TimeSpan.Zero,
            };
        }
    }
}
