using Infra.Engine.State;

namespace Infra.Engine.Tests.State;

public sealed class LocalBackendLockTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly LocalBackendFixture _fixture = new();

    private static StackReference Dev => LocalBackendFixture.Dev;

    private string LockDirectory => Path.Combine(_fixture.Root, ".pulumi", "locks", "organization", "proj", "dev");

    public void Dispose() => _fixture.Dispose();

    private LocalBackend Other() =>
        _fixture.CreateBackend(LocalBackendFixture.OtherLockId, new FixedProcessIdentity(777, "bob", "laptop"));

    private static string ExpectedMessage(int count, params string[] lines) =>
        $"the stack is currently locked by {count} lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`."
        + string.Concat(lines.Select(line => "\n  " + line));

    [Fact]
    public async Task AcquireLockAsync_FreeStack_WritesLockFileWithExactContent()
    {
        // Arrange
        var backend = _fixture.Backend;

        // Act
        await using var stackLock = await backend.AcquireLockAsync(Dev, cancellationToken: Ct);

        // Assert
        var path = Path.Combine(LockDirectory, LocalBackendFixture.LockId + ".json");
        Assert.Equal(path, stackLock.Path);
        Assert.Equal("{\"pid\":4242,\"username\":\"alice\",\"hostname\":\"build-1\",\"timestamp\":\"2026-01-02T03:04:05Z\"}", File.ReadAllText(path));
    }

    [Fact]
    public async Task AcquireLockAsync_HeldByAnotherProcess_RefusedWithExactMessage()
    {
        // Arrange
        await using var held = await _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct);
        var other = Other();

        // Act
        var exception = await Assert.ThrowsAsync<StackLockedException>(() => other.AcquireLockAsync(Dev, cancellationToken: Ct));

        // Assert
        Assert.Equal(
            ExpectedMessage(1, $"file://{_fixture.Root}/.pulumi/locks/organization/proj/dev/{LocalBackendFixture.LockId}.json: created by alice@build-1 (pid 4242) at 2026-01-02T03:04:05Z"),
            exception.Message);
        Assert.Equal("alice", Assert.Single(exception.Holders).UserName);
        Assert.Single(Directory.GetFiles(LockDirectory));
    }

    [Fact]
    public async Task AcquireLockAsync_PulumiCliLockWithOffset_ShowsRfc3339Time()
    {
        // Arrange: a lock the real CLI wrote, with nanoseconds and a local offset.
        Directory.CreateDirectory(LockDirectory);
        File.WriteAllText(
            Path.Combine(LockDirectory, "0b9c5a34-0000-4000-8000-000000000000.json"),
            "{\"pid\":31337,\"username\":\"carol\",\"hostname\":\"ci\",\"timestamp\":\"2026-01-02T04:04:05.123456789+01:00\"}");
        File.WriteAllText(Path.Combine(LockDirectory, "0b9c5a34-0000-4000-8000-000000000000.json.attrs"), "{}");

        // Act
        var exception = await Assert.ThrowsAsync<StackLockedException>(() => _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct));

        // Assert
        Assert.Equal(
            ExpectedMessage(1, $"file://{_fixture.Root}/.pulumi/locks/organization/proj/dev/0b9c5a34-0000-4000-8000-000000000000.json: created by carol@ci (pid 31337) at 2026-01-02T04:04:05+01:00"),
            exception.Message);
        Assert.False(File.Exists(Path.Combine(LockDirectory, LocalBackendFixture.LockId + ".json")));
    }

    [Fact]
    public async Task AcquireLockAsync_LockAppearsWhileWriting_DeletesOwnLockAndFails()
    {
        // Arrange: the identity is read while our lock file is written; a racing process locks at that moment.
        var racer = new RacingIdentity(LockDirectory);
        var backend = _fixture.CreateBackend(LocalBackendFixture.LockId, racer);

        // Act
        var exception = await Assert.ThrowsAsync<StackLockedException>(() => backend.AcquireLockAsync(Dev, cancellationToken: Ct));

        // Assert
        Assert.Equal(
            ExpectedMessage(1, $"file://{_fixture.Root}/.pulumi/locks/organization/proj/dev/{LocalBackendFixture.OtherLockId}.json: created by racer@elsewhere (pid 9) at 2026-01-01T00:00:00Z"),
            exception.Message);
        Assert.Equal([LocalBackendFixture.OtherLockId + ".json"], Directory.GetFiles(LockDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Release_HeldLock_LetsAnotherProcessLock()
    {
        // Arrange
        var stackLock = await _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct);

        // Act
        stackLock.Release();
        await using var second = await Other().AcquireLockAsync(Dev, cancellationToken: Ct);

        // Assert
        Assert.Equal([LocalBackendFixture.OtherLockId + ".json"], Directory.GetFiles(LockDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AcquireLockAsync_AlreadyHeldByThisBackend_Throws()
    {
        // Arrange
        await using var held = await _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct);

        // Act
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct));

        // Assert
        Assert.Equal("This process already holds the lock of stack 'organization/proj/dev'.", exception.Message);
    }

    [Fact]
    public async Task CancelAsync_SeveralLocks_DeletesAll()
    {
        // Arrange
        await using var held = await _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct);
        File.WriteAllText(Path.Combine(LockDirectory, "stale.json"), "{\"pid\":1}");

        // Act
        await _fixture.Backend.CancelAsync(Dev, cancellationToken: Ct);
        await using var after = await Other().AcquireLockAsync(Dev, cancellationToken: Ct);

        // Assert
        Assert.Equal([LocalBackendFixture.OtherLockId + ".json"], Directory.GetFiles(LockDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ListLocksAsync_TwoHolders_ReturnsBoth()
    {
        // Arrange
        await using var held = await _fixture.Backend.AcquireLockAsync(Dev, cancellationToken: Ct);
        File.WriteAllText(Path.Combine(LockDirectory, "aaaa.json"), "not json");

        // Act
        var locks = await _fixture.Backend.ListLocksAsync(Dev, cancellationToken: Ct);

        // Assert
        Assert.Equal([".pulumi/locks/organization/proj/dev/11111111-2222-4333-8444-555555555555.json", ".pulumi/locks/organization/proj/dev/aaaa.json"], locks.Select(l => l.Key));
        Assert.Equal("?", locks[1].UserName);
    }

    [Fact]
    public async Task LoadAsync_WhileAnotherProcessHoldsTheLock_ReadsWithoutLocking()
    {
        // Arrange: preview reads state through LoadAsync, which never locks.
        await _fixture.Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await using var held = await Other().AcquireLockAsync(Dev, cancellationToken: Ct);

        // Act
        var snapshot = await _fixture.Backend.LoadAsync(Dev, null, cancellationToken: Ct);

        // Assert
        Assert.NotNull(snapshot);
        Assert.Single(Directory.GetFiles(LockDirectory));
    }

    [Fact]
    public async Task BeginUpdateAsync_Preview_Throws()
    {
        // Arrange
        await _fixture.Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);

        // Act
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Backend.BeginUpdateAsync(Dev, UpdateKind.Preview, null, cancellationToken: Ct));

        // Assert
        Assert.StartsWith("kind: a preview neither locks nor writes state", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(LockDirectory));
    }

    private sealed class RacingIdentity(string lockDirectory) : IProcessIdentity
    {
        public int ProcessId => 1;

        public string UserName
        {
            get
            {
                Directory.CreateDirectory(lockDirectory);
                File.WriteAllText(
                    Path.Combine(lockDirectory, LocalBackendFixture.OtherLockId + ".json"),
                    "{\"pid\":9,\"username\":\"racer\",\"hostname\":\"elsewhere\",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
                return "me";
            }
        }

        public string HostName => "here";
    }
}
