using System.Collections.Concurrent;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Tests.Planning;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Execution;

public sealed class StepExecutorAheadTests
{
    private readonly EngineFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Step Create(string name) => new()
    {
        Kind = StepKind.Create,
        Urn = Urn(name),
        New = _fixture.State(name, ("size", S("1"))) with { Id = null, Outputs = PropertyMaps.Empty },
        Provider = _fixture.Provider,
    };

    /// <summary>Holds every create of <paramref name="held"/> until the returned source is set.</summary>
    private TaskCompletionSource Hold(string held)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fixture.Provider.OnCall = async (call, _) =>
        {
            if (call.Urn == Urn(held))
            {
                await release.Task;
            }
        };
        return release;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, Ct);
        }

        Assert.True(condition(), "the condition never became true");
    }

    [Fact]
    public async Task Execute_AllSlotsBusy_WaitingCreateRecordsItsPendingOperationBeforeItGetsASlot()
    {
        // Arrange: one slot, held by a
        var log = new ConcurrentQueue<string>();
        var release = Hold("a");
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 1, Observer = new RecordingObserver(log) });
        var a = executor.ExecuteAsync(Create("a"), Ct);
        await WaitUntilAsync(() => _fixture.Provider.CurrentConcurrency == 1);

        // Act
        var b = executor.ExecuteAsync(Create("b"), Ct);
        await WaitUntilAsync(() => log.Contains($"pending Creating {Urn("b")}"));
        var recordedWhileAWasRunning = !log.Contains($"after Create Succeeded {Urn("a")}");
        release.SetResult();
        await Task.WhenAll(a, b);

        // Assert: recorded once, ahead of a's completion, and b still created
        Assert.True(recordedWhileAWasRunning);
        Assert.Single(log, entry => entry == $"pending Creating {Urn("b")}");
        Assert.Equal(StepStatus.Succeeded, (await b).Status);
        Assert.Equal(2, _fixture.Provider.Calls.Count(c => c.Operation == ProviderOperation.Create));
    }

    [Fact]
    public async Task Execute_AheadLimit_RecordsAtMostMaxParallelismWaitingSteps()
    {
        // Arrange: one slot, held by a; b, c, d wait
        var log = new ConcurrentQueue<string>();
        var release = Hold("a");
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 1, Observer = new RecordingObserver(log) });
        var a = executor.ExecuteAsync(Create("a"), Ct);
        await WaitUntilAsync(() => _fixture.Provider.CurrentConcurrency == 1);

        // Act
        var waiting = new[] { "b", "c", "d" }.Select(n => executor.ExecuteAsync(Create(n), Ct)).ToArray();
        await WaitUntilAsync(() => log.Count(e => e.StartsWith("pending", StringComparison.Ordinal)) >= 2);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Ct);
        var pendingWhileHeld = log.Count(e => e.StartsWith("pending", StringComparison.Ordinal));
        release.SetResult();
        await Task.WhenAll(waiting.Append(a));

        // Assert: a plus one waiting step recorded while a ran; all four created once each
        Assert.Equal(2, pendingWhileHeld);
        Assert.Equal(4, log.Count(e => e.StartsWith("pending", StringComparison.Ordinal)));
        Assert.Equal(4, _fixture.Provider.Calls.Count(c => c.Operation == ProviderOperation.Create));
    }

    [Fact]
    public async Task Execute_EarlierStepFailsWhileAnotherWasRecordedAhead_AbandonsItsPendingOperation()
    {
        // Arrange: a fails once released; b was recorded ahead meanwhile
        var log = new ConcurrentQueue<string>();
        var observer = new RecordingObserver(log);
        var release = Hold("a");
        _fixture.Provider.FailOn(Urn("a"), ProviderOperation.Create, "boom");
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 1, Observer = observer });
        var a = executor.ExecuteAsync(Create("a"), Ct);
        await WaitUntilAsync(() => _fixture.Provider.CurrentConcurrency == 1);
        var b = executor.ExecuteAsync(Create("b"), Ct);
        await WaitUntilAsync(() => log.Contains($"pending Creating {Urn("b")}"));

        // Act
        release.SetResult();
        await Task.WhenAll(a, b);

        // Assert: b skipped, never created, its pending operation abandoned, no after-step for it
        Assert.Equal(StepStatus.Failed, (await a).Status);
        Assert.Equal(StepStatus.Skipped, (await b).Status);
        Assert.Equal(Urn("b"), Assert.Single(observer.Abandoned).Resource.Urn);
        Assert.DoesNotContain(log, e => e.StartsWith("after", StringComparison.Ordinal) && e.EndsWith(Urn("b"), StringComparison.Ordinal));
        Assert.DoesNotContain(_fixture.Provider.Calls, c => c.Operation == ProviderOperation.Create && c.Urn == Urn("b"));
    }

    [Fact]
    public async Task Execute_Preview_RecordsNothingAhead()
    {
        // Arrange
        var log = new ConcurrentQueue<string>();
        var release = Hold("a");
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 1, Preview = true, Observer = new RecordingObserver(log) });
        var a = executor.ExecuteAsync(Create("a"), Ct);
        await WaitUntilAsync(() => _fixture.Provider.CurrentConcurrency == 1);

        // Act
        var b = executor.ExecuteAsync(Create("b"), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Ct);
        release.SetResult();
        await Task.WhenAll(a, b);

        // Assert
        Assert.DoesNotContain(log, e => e.StartsWith("pending", StringComparison.Ordinal));
    }
}
