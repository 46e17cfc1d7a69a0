using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.State;

public sealed class StackUpdateSessionTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly LocalBackendFixture _fixture = new();

    private static StackReference Dev => LocalBackendFixture.Dev;

    public void Dispose() => _fixture.Dispose();

    private async Task<StackUpdateSession> StartAsync()
    {
        await _fixture.Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await _fixture.Backend.SaveAsync(Dev, StateTestData.Snapshot(StateTestData.Stack(), StateTestData.Provider()), null, cancellationToken: Ct);
        return await _fixture.Backend.BeginUpdateAsync(Dev, UpdateKind.Update, null, cancellationToken: Ct);
    }

    [Fact]
    public async Task BeginOperationAsync_Create_SavesPendingOperationBeforeProviderCall()
    {
        // Arrange
        await using var session = await StartAsync();
        var planned = StateTestData.Command() with { Id = null, Outputs = StateTestData.Map() };

        // Act
        await session.BeginOperationAsync(planned, PendingOperationType.Creating, cancellationToken: Ct);

        // Assert
        var text = File.ReadAllText(_fixture.StackFile);
        Assert.Contains(
            $"\"pending_operations\":[{{\"resource\":{{\"urn\":\"{StateTestData.CommandUrn}\",\"custom\":true,\"type\":\"command:local:Command\"",
            text,
            StringComparison.Ordinal);
        Assert.EndsWith("},\"type\":\"creating\"}],\"metadata\":{}}}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteOperationAsync_Created_ClearsPendingAndAddsResource()
    {
        // Arrange
        await using var session = await StartAsync();
        var operation = await session.BeginOperationAsync(StateTestData.Command() with { Id = null }, PendingOperationType.Creating, cancellationToken: Ct);

        // Act
        await session.CompleteOperationAsync(operation, s => s.WithResource(StateTestData.Command()), cancellationToken: Ct);

        // Assert
        var loaded = await _fixture.Backend.LoadAsync(Dev, null, cancellationToken: Ct);
        Assert.Empty(loaded!.PendingOperations);
        Assert.Equal("hello-id", loaded.Resources[2].Id);
        Assert.DoesNotContain("pending_operations", File.ReadAllText(_fixture.StackFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginUpdateAsync_AfterInterruptedRun_ReportsInterruptedOperations()
    {
        // Arrange: a run records a pending delete and dies (the lock is left behind and cancelled).
        var crashed = await StartAsync();
        await crashed.BeginOperationAsync(StateTestData.Provider(), PendingOperationType.Deleting, cancellationToken: Ct);
        await _fixture.Backend.CancelAsync(Dev, cancellationToken: Ct);
        var next = _fixture.CreateBackend(LocalBackendFixture.OtherLockId, new FixedProcessIdentity(2, "u", "h"));

        // Act
        await using var session = await next.BeginUpdateAsync(Dev, UpdateKind.Refresh, null, cancellationToken: Ct);

        // Assert
        var interrupted = Assert.Single(session.InterruptedOperations);
        Assert.Equal($"{StateTestData.ProviderUrn}, interrupted while deleting", interrupted.Describe());
        Assert.Single(session.Snapshot.PendingOperations);
    }

    [Fact]
    public async Task Session_WhileOpen_HoldsTheStackLock()
    {
        // Arrange
        await using var session = await StartAsync();
        var other = _fixture.CreateBackend(LocalBackendFixture.OtherLockId, new FixedProcessIdentity(2, "u", "h"));

        // Act
        var exception = await Assert.ThrowsAsync<StackLockedException>(() => other.BeginUpdateAsync(Dev, UpdateKind.Update, null, cancellationToken: Ct));

        // Assert
        Assert.Contains("created by alice@build-1 (pid 4242)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishAsync_Succeeded_WritesHistoryAndReleasesLock()
    {
        // Arrange
        var session = await StartAsync();
        await session.UpdateAsync(s => s.WithResource(StateTestData.Command()), cancellationToken: Ct);
        _fixture.Time.Advance(TimeSpan.FromSeconds(5));

        // Act
        await session.FinishAsync(UpdateResult.Succeeded, new Dictionary<string, int> { ["create"] = 1, ["same"] = 2 }, cancellationToken: Ct);

        // Assert
        var history = Directory.GetFiles(Path.Combine(_fixture.Root, ".pulumi", "history", "proj", "dev"), "*.history.json");
        var text = File.ReadAllText(Assert.Single(history));
        Assert.Contains("\"startTime\": 1767323045", text, StringComparison.Ordinal);
        Assert.Contains("\"endTime\": 1767323050", text, StringComparison.Ordinal);
        Assert.Contains("\"resourceChanges\": {\n        \"create\": 1,\n        \"same\": 2\n    }", text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_fixture.Root, ".pulumi", "backups", "proj", "dev")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_fixture.Root, ".pulumi", "locks", "organization", "proj", "dev")));
    }

    [Fact]
    public async Task UpdateAsync_InvalidChange_KeepsSnapshotAndFile()
    {
        // Arrange
        await using var session = await StartAsync();
        var before = File.ReadAllBytes(_fixture.StackFile);
        var previous = session.Snapshot;

        // Act
        await Assert.ThrowsAsync<StateIntegrityException>(() => session.UpdateAsync(s => s.WithResource(StateTestData.Command() with { Parent = "urn:pulumi:dev::proj::x:y:Z::missing" }), cancellationToken: Ct));

        // Assert
        Assert.Same(previous, session.Snapshot);
        Assert.Equal(before, File.ReadAllBytes(_fixture.StackFile));
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentSteps_AllChangesSaved()
    {
        // Arrange
        await using var session = await StartAsync();

        // Act
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            session.UpdateAsync(s => s.WithResource(StateTestData.Command($"c{i}") with { Outputs = StateTestData.Map(("i", PropertyValue.Create(i))) }), cancellationToken: Ct))));

        // Assert
        var loaded = await _fixture.Backend.LoadAsync(Dev, null, cancellationToken: Ct);
        Assert.Equal(22, loaded!.Resources.Length);
    }

    [Fact]
    public async Task UpdateAsync_CoalescingDelay_ConcurrentChangesWaitForTheDelayAndShareOneSave()
    {
        // Arrange: a backend that waits 5 ms (on the fake clock) for more changes before it writes
        var backend = _fixture.CreateBackend(LocalBackendFixture.LockId, new FixedProcessIdentity(1, "u", "h"), saveCoalescingDelay: TimeSpan.FromMilliseconds(5));
        await backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await backend.SaveAsync(Dev, StateTestData.Snapshot(StateTestData.Stack(), StateTestData.Provider()), null, cancellationToken: Ct);
        await using var session = await backend.BeginUpdateAsync(Dev, UpdateKind.Update, null, cancellationToken: Ct);
        var before = await File.ReadAllTextAsync(_fixture.StackFile, Ct);

        // Act
        var updates = new[] { "a", "b", "c" }.Select(n => session.UpdateAsync(s => s.WithResource(StateTestData.Command(n)), Ct)).ToArray();
        var unchangedDuringDelay = await File.ReadAllTextAsync(_fixture.StackFile, Ct) == before && updates.All(u => !u.IsCompleted);
        _fixture.Time.Advance(TimeSpan.FromMilliseconds(5));
        await Task.WhenAll(updates).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Assert: nothing written before the delay; one advance of the clock completes all three (the callers
        // whose change another save took do not wait again)
        Assert.True(unchangedDuringDelay);
        var loaded = await backend.LoadAsync(Dev, null, cancellationToken: Ct);
        Assert.Equal(["a-id", "b-id", "c-id"], loaded!.Resources.Skip(2).Select(r => r.Id));
    }

    [Fact]
    public async Task UpdateAsync_ChangesAddADependentBeforeItsDependency_SavesThemInDependencyOrder()
    {
        // Arrange
        await using var session = await StartAsync();
        var child = StateTestData.Command("child", "urn:pulumi:dev::proj::command:local:Command::parent");

        // Act: appended in the wrong order within one change
        await session.UpdateAsync(s => s.WithResource(child).WithResource(StateTestData.Command("parent")), Ct);

        // Assert
        var loaded = await _fixture.Backend.LoadAsync(Dev, null, cancellationToken: Ct);
        Assert.Equal(["parent-id", "child-id"], loaded!.Resources.Skip(2).Select(r => r.Id));
    }
}
