using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Engine.Tests.Planning;
using Infra.Protocol.Values;
using Microsoft.Extensions.Time.Testing;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Execution;

public sealed class StepExecutorTests
{
    private readonly EngineFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Step Create(string name, params string[] waitFor) => new()
    {
        Kind = StepKind.Create,
        Urn = Urn(name),
        New = _fixture.State(name, ("size", S("1"))) with { Id = null, Outputs = PropertyMaps.Empty },
        Provider = _fixture.Provider,
        WaitFor = [.. waitFor.Select(n => Urn(n))],
    };

    private IEnumerable<string> CreatedUrns() =>
        _fixture.Provider.Calls.Where(c => c.Operation == ProviderOperation.Create).Select(c => c.Urn!);

    [Fact]
    public async Task ExecuteAllAsync_Dependent_StartsOnlyAfterItsDependencySucceeded()
    {
        // Arrange: b waits for a; c is independent. a and c are held until both are in flight.
        var bothInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seenWhileHeld = ImmutableArray<string>.Empty;
        _fixture.Provider.OnCall = async (call, _) =>
        {
            if (call.Urn == Urn("b"))
            {
                return;
            }

            if (_fixture.Provider.CurrentConcurrency >= 2)
            {
                seenWhileHeld = [.. CreatedUrns()];
                bothInFlight.TrySetResult();
            }

            await bothInFlight.Task;
        };
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 4 });

        // Act
        var results = await executor.ExecuteAllAsync([Create("b", "a"), Create("a"), Create("c")], Ct);

        // Assert
        Assert.DoesNotContain(Urn("b"), seenWhileHeld);
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        var order = CreatedUrns().ToList();
        Assert.True(order.IndexOf(Urn("a")) < order.IndexOf(Urn("b")));
    }

    [Fact]
    public async Task ExecuteAllAsync_DependencyFailed_DependentSkipped()
    {
        // Arrange
        _fixture.Provider.FailOn(Urn("a"), ProviderOperation.Create, "quota exceeded");
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 4 });

        // Act
        var results = await executor.ExecuteAllAsync([Create("a"), Create("b", "a")], Ct);

        // Assert
        Assert.Equal(StepStatus.Failed, results[0].Status);
        Assert.Equal($"Create of '{Urn("a")}' failed: quota exceeded", results[0].Message);
        Assert.Equal(StepStatus.Skipped, results[1].Status);
        Assert.DoesNotContain(Urn("b"), CreatedUrns());
    }

    [Fact]
    public async Task ExecuteAllAsync_ManyIndependentSteps_ParallelismReachedAndNeverExceeded()
    {
        // Arrange: every call is held until the test has seen three in flight; only then is the gate opened.
        const int bound = 3;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fixture.Provider.OnCall = async (_, _) =>
        {
            if (_fixture.Provider.CurrentConcurrency >= bound)
            {
                reached.TrySetResult();
            }

            await gate.Task;
        };
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = bound });
        var steps = Enumerable.Range(0, 12).Select(i => Create($"r{i:00}")).ToList();

        // Act
        var run = executor.ExecuteAllAsync(steps, Ct);
        await reached.Task;
        var inFlightAtGate = _fixture.Provider.CurrentConcurrency;
        gate.SetResult();
        var results = await run;

        // Assert
        Assert.Equal(bound, inFlightAtGate);
        Assert.Equal(bound, _fixture.Provider.MaxConcurrency);
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.Equal(12, _fixture.Provider.Resources.Count);
        Assert.Equal(12, executor.Summary.Count(StepKind.Create));
    }

    [Fact]
    public void Constructor_ParallelismBelowOne_ThrowsNamingOption()
    {
        // Act
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepExecutor(new StepExecutorOptions { MaxParallelism = 0 }));

        // Assert
        Assert.StartsWith("StepExecutorOptions.MaxParallelism: must be at least 1 (was 0).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultMaxParallelism_IsFourTimesProcessorCount()
    {
        // Act / Assert
        Assert.Equal(4 * Environment.ProcessorCount, new StepExecutorOptions().MaxParallelism);
    }

    [Fact]
    public async Task ExecuteAllAsync_StepFails_NoNewStepStartsAndFailureIsReported()
    {
        // Arrange
        _fixture.Provider.FailOn(Urn("a"), ProviderOperation.Create, "boom");
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 1 });

        // Act
        var results = await executor.ExecuteAllAsync([Create("a"), Create("b"), Create("c")], Ct);

        // Assert
        Assert.Equal([StepStatus.Failed, StepStatus.Skipped, StepStatus.Skipped], results.Select(r => r.Status));
        Assert.Equal([Urn("a")], CreatedUrns());
        var summary = executor.Summary;
        Assert.False(summary.Succeeded);
        Assert.Equal(new StepFailure(Urn("a"), StepKind.Create, $"Create of '{Urn("a")}' failed: boom"), Assert.Single(summary.Failures));
        Assert.Equal(2, summary.Skipped);
        Assert.False(summary.Cancelled);
    }

    [Fact]
    public async Task ExecuteAsync_StepFailsWhileAnotherInFlight_InFlightFinishesAndNothingNewStarts()
    {
        // Arrange: b is held in flight while a fails; c is submitted after the failure.
        var releaseB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fixture.Provider.FailOn(Urn("a"), ProviderOperation.Create, "boom");
        _fixture.Provider.OnCall = async (call, _) =>
        {
            if (call.Urn == Urn("b"))
            {
                bInFlight.TrySetResult();
                await releaseB.Task;
            }
        };
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 2 });

        // Act
        var b = executor.ExecuteAsync(Create("b"), Ct);
        await bInFlight.Task;
        var a = await executor.ExecuteAsync(Create("a"), Ct);
        var c = await executor.ExecuteAsync(Create("c"), Ct);
        releaseB.SetResult();
        var bResult = await b;

        // Assert
        Assert.Equal(StepStatus.Failed, a.Status);
        Assert.Equal(StepStatus.Skipped, c.Status);
        Assert.Equal(StepStatus.Succeeded, bResult.Status);
        Assert.True(executor.IsStopped);
        Assert.DoesNotContain(Urn("c"), CreatedUrns());
    }

    [Fact]
    public async Task ExecuteAllAsync_CancelledMidway_InFlightFinishesNothingNewStarts()
    {
        // Arrange
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fixture.Provider.OnCall = async (call, _) =>
        {
            if (call.Urn == Urn("a"))
            {
                inFlight.TrySetResult();
                await release.Task;
            }
        };
        var observer = new RecordingObserver(new ConcurrentQueue<string>());
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 1, Observer = observer });

        // Act
        var run = executor.ExecuteAllAsync([Create("a"), Create("b"), Create("c", "a")], cancellation.Token);
        await inFlight.Task;
        await cancellation.CancelAsync();
        release.SetResult();
        var results = await run;

        // Assert
        Assert.Equal([StepStatus.Succeeded, StepStatus.Skipped, StepStatus.Skipped], results.Select(r => r.Status));
        Assert.Equal([Urn("a")], CreatedUrns());
        Assert.True(executor.Summary.Cancelled);
        Assert.Equal(1, executor.Summary.Count(StepKind.Create));
        Assert.Equal(Urn("a"), Assert.Single(observer.Results).Step.Urn);
    }

    [Fact]
    public async Task ExecuteAsync_Create_RecordsPendingBeforeProviderCallAndStateAfter()
    {
        // Arrange
        var log = new ConcurrentQueue<string>();
        _fixture.Provider.OnCall = (call, _) =>
        {
            log.Enqueue($"provider {call.Operation} {call.Urn}");
            return Task.CompletedTask;
        };
        var observer = new RecordingObserver(log);
        using var executor = new StepExecutor(new StepExecutorOptions { Observer = observer });

        // Act
        var result = await executor.ExecuteAsync(Create("a"), Ct);

        // Assert
        Assert.Equal([$"pending Creating {Urn("a")}", $"provider Create {Urn("a")}", $"after Create Succeeded {Urn("a")}"], log);
        Assert.Equal("a-1", result.New!.Id);
        Assert.Equal(S("computed-a-1"), result.New.Outputs[TestProvider.ComputedKey]);
        Assert.NotNull(result.New.Created);
    }

    [Fact]
    public async Task ExecuteAsync_Preview_UnknownOutputsNoPendingAndNothingCreated()
    {
        // Arrange
        var observer = new RecordingObserver(new ConcurrentQueue<string>());
        using var executor = new StepExecutor(new StepExecutorOptions { Preview = true, Observer = observer });

        // Act
        var result = await executor.ExecuteAsync(Create("a"), Ct);

        // Assert
        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Null(result.New!.Id);
        Assert.Equal(PropertyValue.Unknown, result.New.Outputs[TestProvider.ComputedKey]);
        Assert.Empty(observer.Pending);
        Assert.Empty(_fixture.Provider.Resources);
        Assert.True(Assert.Single(_fixture.Provider.Calls).Preview);
    }

    [Fact]
    public async Task ExecuteAsync_AdditionalSecretOutputs_WrapsThemAsSecret()
    {
        // Arrange
        var step = Create("a");
        step = step with { New = step.New! with { AdditionalSecretOutputs = ["size"] } };
        using var executor = new StepExecutor();

        // Act
        var result = await executor.ExecuteAsync(step, Ct);

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(S("1")), result.New!.Outputs["size"]);
    }

    [Fact]
    public async Task ExecuteAsync_CustomCreateTimeoutExceeded_FailsNamingTimeout()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var fixture = new EngineFixture(time);
        fixture.Provider.SetDelay(ProviderOperation.Create, TimeSpan.FromMinutes(10));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Provider.OnCall = (_, _) =>
        {
            started.TrySetResult();
            return Task.CompletedTask;
        };
        var step = new Step
        {
            Kind = StepKind.Create,
            Urn = Urn("slow"),
            New = fixture.State("slow") with { Id = null, CustomTimeouts = new ResourceTimeouts(Create: 5, Update: 0, Delete: 0, Read: 0) },
            Provider = fixture.Provider,
        };
        using var executor = new StepExecutor(new StepExecutorOptions { TimeProvider = time });

        // Act
        var run = executor.ExecuteAsync(step, Ct);
        await started.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await run;

        // Assert
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Equal($"Create of '{Urn("slow")}' timed out after 5s (customTimeouts.create).", result.Message);
    }
}
