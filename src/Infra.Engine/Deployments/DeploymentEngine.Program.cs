using System.Collections.Immutable;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Programs;
using Infra.Engine.Projects;
using Infra.Engine.Server;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Deployments;

internal sealed partial class DeploymentEngine
{
    /// <summary>Preview and update: build and run the program against the protocol server, then (update, success only) delete what it no longer declares.</summary>
    private static async Task<OperationResult> RunProgramAsync(OperationRequest request, EventSink events, CancellationToken cancellationToken)
    {
        var preview = request.Kind == OperationKind.Preview;
        var command = ProgramCommand.For(request.Project);
        var config = ProgramConfig.Build(request.Project, request.Stack.Name, request.StackSettings, request.Crypter);

        StackUpdateSession? session = null;
        IReadOnlyList<ResourceState> oldResources;
        if (preview)
        {
            oldResources = await request.Backend.StackExistsAsync(request.Stack, cancellationToken).ConfigureAwait(false)
                ? (await request.Backend.LoadAsync(request.Stack, request.Crypter, cancellationToken).ConfigureAwait(false))?.Resources ?? []
                : [];
        }
        else
        {
            session = await request.Backend.BeginUpdateAsync(request.Stack, UpdateKind.Update, request.Crypter, cancellationToken).ConfigureAwait(false);
            oldResources = session.Snapshot.Resources;
        }

        try
        {
            if (session is not null)
            {
                await HandleInterruptedAsync(session, events, cancellationToken).ConfigureAwait(false);
            }

            var failures = new List<string>();
            var registry = CreateRegistry(request);
            var recorder = new StepRecorder(session, events, request.TimeProvider);
            ExecutionSummary? refreshSummary = null;
            if (request.RefreshFirst)
            {
                (oldResources, refreshSummary) = await RefreshFirstAsync(request, registry, recorder, oldResources, preview, cancellationToken).ConfigureAwait(false);
                failures.AddRange(FailuresOf(refreshSummary));
            }

            var planner = new Planner(
                new PlannerOptions
                {
                    Stack = request.Stack.Name, Project = request.Project.Name, OldResources = oldResources, Preview = preview, Targets = request.Targets,
                },
                registry);
            using var executor = CreateExecutor(request, preview, recorder);
            using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var monitor = new MonitorSession(
                new MonitorSessionOptions
                {
                    Project = request.Project.Name,
                    Stack = request.Stack.Name,
                    Preview = preview,
                    Parallel = Math.Max(1, request.Parallel),
                    Config = config.Values,
                    ConfigSecretKeys = config.SecretKeys,
                    Planner = planner,
                    Executor = executor,
                    Registry = registry,
                    Recorder = recorder,
                    Events = events,
                },
                run.Token);

            var exit = refreshSummary is { Succeeded: false }
                ? null
                : await BuildAndRunAsync(request, command, config, monitor, events, failures, run, cancellationToken).ConfigureAwait(false);
            var cancelled = cancellationToken.IsCancellationRequested;
            failures.AddRange(monitor.Failures);
            failures.AddRange(FailuresOf(executor.Summary));
            if (exit is { Succeeded: false } && failures.Count == 0)
            {
                failures.AddRange(monitor.ProgramErrors);
                if (failures.Count == 0)
                {
                    failures.Add("The program failed without reporting an error.");
                }
            }

            if (exit is { Succeeded: true } && planner.UnknownTargets() is { IsEmpty: false } unknownTargets)
            {
                var message = Planner.UnknownTargetsMessage(unknownTargets);
                failures.Add(message);
                await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, message)).ConfigureAwait(false);
            }

            var programSucceeded = exit is { Succeeded: true } && !cancelled && failures.Count == 0 && executor.Summary.Succeeded;

            if (programSucceeded)
            {
                try
                {
                    var deletes = await planner.PlanDeletesAsync(cancellationToken).ConfigureAwait(false);
                    var before = executor.Summary.Failures.Length;
                    await executor.ExecuteAllAsync(deletes, cancellationToken).ConfigureAwait(false);
                    failures.AddRange(FailuresOf(executor.Summary).Skip(before));
                }
                catch (PlanningException ex)
                {
                    failures.Add(ex.Message);
                    await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, ex.Message, ex.Urn)).ConfigureAwait(false);
                }
            }

            var succeeded = programSucceeded && failures.Count == 0 && executor.Summary.Succeeded && !cancellationToken.IsCancellationRequested;
            if (cancellationToken.IsCancellationRequested)
            {
                failures.Add("The operation was cancelled; steps in flight were completed and recorded.");
            }

            await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            var outputs = await SaveStackOutputsAsync(session, monitor, oldResources, succeeded).ConfigureAwait(false);
            var counts = Sum(refreshSummary, executor.Summary);
            if (session is not null)
            {
                await FinishAsync(session, succeeded, counts).ConfigureAwait(false);
            }

            return new OperationResult
            {
                Kind = request.Kind,
                Succeeded = succeeded,
                Counts = counts,
                Failures = [.. failures.Distinct(StringComparer.Ordinal)],
                Outputs = outputs,
                Duration = TimeSpan.Zero,
            };
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<ProgramExit?> BuildAndRunAsync(
        OperationRequest request,
        ProgramCommand command,
        ProgramConfig config,
        MonitorSession monitor,
        EventSink events,
        List<string> failures,
        CancellationTokenSource run,
        CancellationToken cancellationToken)
    {
        ValueTask OnLine(string line, bool isError) => events.EmitAsync(new ProgramOutputEvent(line, isError));

        // Build output is progress, not program output: shown as a status line while it runs (as the Pulumi
        // CLI does); a failed build reports its error lines in the failure diagnostic.
        ValueTask OnBuildLine(string line, bool isError) => events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Info, line, Ephemeral: true));
        try
        {
            await ProgramLauncher.BuildAsync(command, request.ProgramEnvironment, OnBuildLine, cancellationToken).ConfigureAwait(false);
        }
        catch (ProgramBuildException ex)
        {
            failures.Add(ex.Message);
            await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, ex.Message)).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        ProgramExit? exit = null;
        var server = await DeploymentServer.StartAsync(monitor, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var environment = new ProgramEnvironment
            {
                MonitorAddress = server.Address,
                EngineAddress = server.Address,
                Project = request.Project.Name,
                Stack = request.Stack.Name,
                RootDirectory = request.Project.RootDirectory,
                ProgramDirectory = command.ProgramDirectory,
                DryRun = request.Kind == OperationKind.Preview,
                Parallel = Math.Max(1, request.Parallel),
                Config = config.ToEnvironmentVariables(),
                Extra = request.ProgramEnvironment,
            };
            try
            {
                exit = await ProgramLauncher.RunAsync(command, environment.ToVariables(), OnLine, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await run.CancelAsync().ConfigureAwait(false);
            }

            // Steps already under way finish and are recorded before the server goes away.
            await monitor.DrainAsync().ConfigureAwait(false);
        }

        if (exit?.Error is { } error)
        {
            failures.Add(error);
            await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, error)).ConfigureAwait(false);
        }
        return exit;
    }

    /// <summary>Stores the stack outputs as the stack resource's outputs (merged over the old ones when the run failed).</summary>
    private static async Task<ImmutableSortedDictionary<string, PropertyValue>> SaveStackOutputsAsync(
        StackUpdateSession? session,
        MonitorSession monitor,
        IReadOnlyList<ResourceState> oldResources,
        bool succeeded)
    {
        var registered = monitor.StackOutputs;
        if (session is null)
        {
            return registered ?? StackOutputsOf(oldResources);
        }

        if (registered is not null)
        {
            await session.UpdateAsync(
                snapshot =>
                {
                    var stack = snapshot.Resources.FirstOrDefault(r => r.Urn == monitor.StackUrn && !r.Delete);
                    if (stack is null)
                    {
                        return snapshot;
                    }

                    var outputs = succeeded ? registered : stack.Outputs.SetItems(registered);
                    return snapshot.WithResource(stack with { Outputs = outputs });
                },
                CancellationToken.None).ConfigureAwait(false);
        }

        return StackOutputsOf(session.Snapshot.Resources);
    }

    /// <summary><c>--refresh</c>: reads every resource before the program runs; returns the refreshed resources.</summary>
    private static async Task<(IReadOnlyList<ResourceState> Resources, ExecutionSummary Summary)> RefreshFirstAsync(
        OperationRequest request,
        Providers.ProviderRegistry registry,
        StepRecorder recorder,
        IReadOnlyList<ResourceState> resources,
        bool preview,
        CancellationToken cancellationToken)
    {
        var planner = new Planner(
            new PlannerOptions
            {
                Stack = request.Stack.Name, Project = request.Project.Name, OldResources = resources, Preview = preview, Targets = request.Targets,
            },
            registry);
        using var executor = CreateExecutor(request, preview, recorder);
        var results = await executor.ExecuteAllAsync(await planner.PlanRefreshAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        var snapshot = new StackSnapshot { Manifest = SnapshotManifest.Create(request.TimeProvider.GetUtcNow(), string.Empty), Resources = [.. resources] };
        foreach (var result in results.Where(r => r.Status == StepStatus.Succeeded))
        {
            snapshot = StepRecorder.Apply(snapshot, result);
        }

        return (snapshot.Resources, executor.Summary);
    }
}
