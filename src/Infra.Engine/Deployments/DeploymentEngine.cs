using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Programs;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Deployments;

/// <summary>
/// The engine: launches the program, serves the Pulumi protocol to it, plans and applies steps with
/// the providers, and keeps the state file current.
/// </summary>
/// <remarks>
/// Preview takes no lock and writes nothing. Update, destroy and refresh hold the stack lock, record
/// every mutation as pending before it starts and save after every step. Deletes of resources the
/// program no longer declares run only after it exited 0 with every step succeeded. Errors that stop a
/// run before or around the steps (a locked stack, invalid config, a failed build) end it with a failed
/// <see cref="OperationResult"/> and an error <see cref="DiagnosticEvent"/>, not an exception.
/// </remarks>
internal sealed partial class DeploymentEngine : IDeploymentEngine
{
    /// <inheritdoc/>
    public async Task<OperationResult> RunAsync(OperationRequest request, IOperationObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        using var events = new EventSink(observer);
        var start = request.TimeProvider.GetTimestamp();
        await events.EmitAsync(new OperationStartedEvent(request.Kind, request.Project.Name, request.Stack.Name)).ConfigureAwait(false);

        OperationResult result;
        try
        {
            result = request.Kind switch
            {
                OperationKind.Preview or OperationKind.Update => await RunProgramAsync(request, events, cancellationToken).ConfigureAwait(false),
                OperationKind.Destroy => await RunWithoutProgramAsync(request, events, UpdateKind.Destroy, cancellationToken).ConfigureAwait(false),
                OperationKind.Refresh => await RunWithoutProgramAsync(request, events, UpdateKind.Refresh, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, $"OperationRequest.Kind: unknown operation (was {request.Kind})."),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var message = ex is OperationCanceledException ? "The operation was cancelled before it started." : ex.Message;
            await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Error, message)).ConfigureAwait(false);
            result = new OperationResult
            {
                Kind = request.Kind,
                Succeeded = false,
                Counts = ImmutableSortedDictionary<StepKind, int>.Empty,
                Failures = [message],
                Duration = TimeSpan.Zero,
            };
        }

        result = result with { Duration = request.TimeProvider.GetElapsedTime(start) };
        await events.EmitAsync(new OperationFinishedEvent(result)).ConfigureAwait(false);
        return result;
    }

    private static ProviderRegistry CreateRegistry(OperationRequest request)
    {
        var factories = new Dictionary<string, ProviderFactory>(request.BuiltInProviders, StringComparer.Ordinal);
        var reader = new BackendStackReferenceReader(request.Backend, request.Project.Name, request.Crypter);
        factories.TryAdd(PulumiProvider.PackageName, (_, _) => new PulumiProvider(reader));
        return new ProviderRegistry(factories);
    }

    /// <summary>Warns about operations a previous, interrupted run left pending (pulumi-formats.md §4.2) and clears them.</summary>
    private static async Task HandleInterruptedAsync(StackUpdateSession session, EventSink events, CancellationToken cancellationToken)
    {
        var interrupted = session.InterruptedOperations;
        if (interrupted.IsEmpty)
        {
            return;
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Attempting to deploy or update resources with {interrupted.Length} pending operations from previous deployment.");
        foreach (var operation in interrupted)
        {
            message.AppendLine().Append("  * ").Append(operation.Describe());
        }

        message.AppendLine().AppendLine()
            .Append("These resources are in an unknown state because the engine was interrupted while waiting for changes to them to complete. ")
            .Append("Check with the provider whether the operations listed completed, then run `infra refresh` to bring the state in line.");
        await events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Warning, message.ToString())).ConfigureAwait(false);
        await session.UpdateAsync(snapshot => snapshot with { PendingOperations = [] }, cancellationToken).ConfigureAwait(false);
    }

    private static StepExecutor CreateExecutor(OperationRequest request, bool preview, StepRecorder recorder) => new(new StepExecutorOptions
    {
        MaxParallelism = Math.Max(1, request.Parallel),
        Preview = preview,
        TimeProvider = request.TimeProvider,
        Observer = recorder,
    });

    private static ImmutableSortedDictionary<StepKind, int> Sum(params ExecutionSummary?[] summaries)
    {
        var counts = ImmutableSortedDictionary.CreateBuilder<StepKind, int>();
        foreach (var summary in summaries)
        {
            if (summary is null)
            {
                continue;
            }

            foreach (var (kind, count) in summary.Counts)
            {
                counts[kind] = counts.GetValueOrDefault(kind) + count;
            }
        }

        return counts.ToImmutable();
    }

    private static Dictionary<string, int> HistoryChanges(ImmutableSortedDictionary<StepKind, int> counts) =>
        counts.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value, StringComparer.Ordinal);

    private static IEnumerable<string> FailuresOf(ExecutionSummary summary) =>
        summary.Failures.Select(f => $"{f.Urn}: {f.Message}");

    private static ImmutableSortedDictionary<string, PropertyValue> StackOutputsOf(IEnumerable<ResourceState> resources) =>
        resources.FirstOrDefault(r => r.Type == WireConstants.StackType && !r.Delete)?.Outputs is { } outputs
            ? PropertyMaps.Ordinal(outputs)
            : PropertyMaps.Empty;

    private static async Task FinishAsync(StackUpdateSession session, bool succeeded, ImmutableSortedDictionary<StepKind, int> counts)
    {
        await session.FinishAsync(succeeded ? State.UpdateResult.Succeeded : State.UpdateResult.Failed, HistoryChanges(counts), cancellationToken: CancellationToken.None)
            .ConfigureAwait(false);
    }
}
