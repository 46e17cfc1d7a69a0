using Infra.Engine.Deployments;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.State;
using Infra.Protocol;
using Moq;

namespace Infra.Engine.Tests.Deployments;

public sealed class StepRecorderTests
{
    private const string Stack = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private const string A = "urn:pulumi:dev::proj::my:index:Thing::a";
    private const string B = "urn:pulumi:dev::proj::my:index:Thing::b";
    private const string C = "urn:pulumi:dev::proj::my:index:Thing::c";

    [Fact]
    public void Apply_UpdateThatNowDependsOnALaterResource_ResortsIntoDependencyOrder()
    {
        // Arrange: a (old, no dependencies), then c (created in this run); a is updated to depend on c
        var snapshot = Snapshot(Component(Stack, null), Component(A, Stack), Component(C, Stack));
        var updated = Component(A, Stack) with { Dependencies = [C] };
        var result = new StepResult { Step = Step(StepKind.Update, A), Status = StepStatus.Succeeded, Old = Component(A, Stack), New = updated };

        // Act
        var applied = StepRecorder.Apply(snapshot, result);

        // Assert
        Assert.Equal([Stack, C, A], applied.Resources.Select(r => r.Urn));
        Assert.Empty(StateIntegrity.Check(applied));
    }

    [Fact]
    public void Apply_CreateBeforeDeleteReplacement_KeepsTheNewCopyAndTheRetiredOne()
    {
        // Arrange
        var old = Component(A, Stack);
        var snapshot = Snapshot(Component(Stack, null), old, Component(B, Stack) with { Dependencies = [A] });
        var result = new StepResult
        {
            Step = Step(StepKind.Replace, A),
            Status = StepStatus.Succeeded,
            Old = old,
            New = old with { Dependencies = [Stack] },
            Retired = old with { Delete = true },
        };

        // Act
        var applied = StepRecorder.Apply(snapshot, result);

        // Assert
        Assert.Equal([(Stack, false), (A, false), (A, true), (B, false)], applied.Resources.Select(r => (r.Urn, r.Delete)));
        Assert.Empty(StateIntegrity.Check(applied));
    }

    [Fact]
    public void Apply_Delete_RemovesTheResource()
    {
        // Arrange
        var snapshot = Snapshot(Component(Stack, null), Component(A, Stack));
        var result = new StepResult { Step = Step(StepKind.Delete, A), Status = StepStatus.Succeeded, Old = Component(A, Stack) };

        // Act
        var applied = StepRecorder.Apply(snapshot, result);

        // Assert
        Assert.Equal([Stack], applied.Resources.Select(r => r.Urn));
    }

    [Fact]
    public async Task AfterStepAsync_SameStep_WrittenOnlyWithTheNextSaveOrFlush()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var directory = new Tests.State.TempDirectory();
        var backend = new LocalBackend(directory.Path);
        var stack = new StackReference("proj", "dev");
        await backend.CreateStackAsync(stack, secretsProvider: null, ct);
        await using var session = await backend.BeginUpdateAsync(stack, UpdateKind.Update, crypter: null, ct);
        using var events = new EventSink(new Mock<IOperationObserver>().Object);
        var recorder = new StepRecorder(session, events, TimeProvider.System);
        var same = Component(Stack, null);

        // Act
        await recorder.AfterStepAsync(new StepResult { Step = Step(StepKind.Same, Stack), Status = StepStatus.Succeeded, New = same }, ct);
        var beforeFlush = (await backend.LoadAsync(stack, crypter: null, ct))!.Resources;
        await recorder.FlushAsync(ct);
        var afterFlush = (await backend.LoadAsync(stack, crypter: null, ct))!.Resources;

        // Assert
        Assert.Empty(beforeFlush);
        Assert.Equal([Stack], afterFlush.Select(r => r.Urn));
    }

    private static StackSnapshot Snapshot(params ResourceState[] resources) =>
        new() { Manifest = SnapshotManifest.Create(DateTimeOffset.UnixEpoch, "v0.1.0"), Resources = [.. resources] };

    private static ResourceState Component(string urn, string? parent) =>
        new() { Urn = urn, Type = parent is null ? WireConstants.StackType : "my:index:Thing", Custom = false, Parent = parent };

    private static Step Step(StepKind kind, string urn) => new() { Kind = kind, Urn = urn };
}
