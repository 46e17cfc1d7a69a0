using Infra.Engine.State;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Engine.Tests.State;

/// <summary>A temporary store with a fake clock and a fixed identity.</summary>
internal sealed class LocalBackendFixture : IDisposable
{
    public const string LockId = "11111111-2222-4333-8444-555555555555";
    public const string OtherLockId = "99999999-8888-4777-8666-555555555555";

    private readonly TempDirectory _directory = new();

    public LocalBackendFixture()
    {
        Backend = CreateBackend(LockId, new FixedProcessIdentity(4242, "alice", "build-1"));
    }

    public static StackReference Dev { get; } = new("proj", "dev");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public string Root => _directory.Path;

    public LocalBackend Backend { get; }

    public string StackFile => Path.Combine(Root, ".pulumi", "stacks", "proj", "dev.json");

    public LocalBackend CreateBackend(string lockId, IProcessIdentity identity, bool gzip = false, bool disableBackups = false, TimeSpan saveCoalescingDelay = default) =>
        new(Root, new LocalBackendOptions
        {
            TimeProvider = Time,
            ProcessIdentity = identity,
            LockId = lockId,
            EngineVersion = StateTestData.Version,
            Gzip = gzip,
            DisableCheckpointBackups = disableBackups,
            SaveCoalescingDelay = saveCoalescingDelay,
        });

    public void Dispose() => _directory.Dispose();
}
