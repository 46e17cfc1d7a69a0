using System.Collections.Concurrent;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Engine.Tests.Planning;
using Infra.Protocol;
using Infra.Protocol.Values;
using Moq;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Execution;

/// <summary>Plans and applies whole runs against the test provider: replace, deletes, destroy, refresh, default providers.</summary>
public sealed class StepExecutorLifecycleTests
{
    private readonly EngineFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Plans and applies the goals as an update would, returning the resulting state.</summary>
    private async Task<List<ResourceState>> UpAsync(IReadOnlyList<ResourceState> old, params ResourceGoal[] goals)
    {
        var planner = _fixture.NewPlanner(old);
        var snapshot = old.ToList();
        using var executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 2 });
        foreach (var goal in goals)
        {
            Apply(snapshot, await executor.ExecuteAsync(await planner.PlanAsync(goal, Ct), Ct));
        }

        foreach (var result in await executor.ExecuteAllAsync(await planner.PlanDeletesAsync(Ct), Ct))
        {
            Apply(snapshot, result);
        }

        Assert.True(executor.Summary.Succeeded);
        return snapshot;
    }

    private static void Apply(List<ResourceState> snapshot, StepResult result)
    {
        Assert.Equal(StepStatus.Succeeded, result.Status);
        if (result.Old is not null)
        {
            snapshot.Remove(result.Old);
        }

        if (result.Retired is not null)
        {
            snapshot.Add(result.Retired);
        }

        if (result.New is not null)
        {
            snapshot.Add(result.New);
        }
    }

    private List<string> ProviderOps() =>
        [.. _fixture.Provider.Calls.Where(c => c.Operation is ProviderOperation.Create or ProviderOperation.Delete or ProviderOperation.Update)
            .Select(c => $"{c.Operation} {ResourceUrn.NameOf(c.Urn!)} {c.Id}".TrimEnd())];

    [Fact]
    public async Task Update_ForceNewChange_CreatesReplacementBeforeDeletingOld()
    {
        // Arrange
        var first = await UpAsync([], _fixture.Goal("a", ("forceNew", S("1"))));

        // Act
        var second = await UpAsync(first, _fixture.Goal("a", ("forceNew", S("2"))));

        // Assert
        Assert.Equal(["Create a", "Create a", "Delete a a-1"], ProviderOps());
        var state = Assert.Single(second);
        Assert.Equal("a-2", state.Id);
        Assert.False(state.Delete);
    }

    [Fact]
    public async Task Update_DeleteBeforeReplace_DeletesOldFirst()
    {
        // Arrange
        var first = await UpAsync([], _fixture.Goal("a", ("forceNew", S("1"))));

        // Act
        var second = await UpAsync(
            first, _fixture.Goal("a", ("forceNew", S("2"))) with { DeleteBeforeReplace = true, DeleteBeforeReplaceDefined = true });

        // Assert
        Assert.Equal(["Create a", "Delete a a-1", "Create a"], ProviderOps());
        Assert.Equal("a-2", Assert.Single(second).Id);
    }

    [Fact]
    public async Task Update_RemovedResources_DeletedInReverseDependencyOrderAfterProgram()
    {
        // Arrange: c depends on b, b depends on a.
        var first = await UpAsync(
            [],
            _fixture.Goal("a"),
            _fixture.Goal("b") with { Dependencies = [Urn("a")] },
            _fixture.Goal("c") with { Dependencies = [Urn("b")] });

        // Act
        var second = await UpAsync(first);

        // Assert
        Assert.Equal(["Delete c c-3", "Delete b b-2", "Delete a a-1"], ProviderOps().Skip(3));
        Assert.Empty(second);
        Assert.Empty(_fixture.Provider.Resources);
    }

    [Fact]
    public async Task Update_RemovedRetainOnDelete_ForgottenButNotDeleted()
    {
        // Arrange
        var first = await UpAsync([], _fixture.Goal("keep") with { RetainOnDelete = true });

        // Act
        var second = await UpAsync(first);

        // Assert
        Assert.Empty(second);
        Assert.DoesNotContain(_fixture.Provider.Calls, c => c.Operation == ProviderOperation.Delete);
        Assert.Single(_fixture.Provider.Resources);
    }

    [Fact]
    public async Task Destroy_DeletedWith_OnlyTheOwnerIsDeletedThroughProvider()
    {
        // Arrange
        var first = await UpAsync([], _fixture.Goal("ns"), _fixture.Goal("pod") with { DeletedWith = Urn("ns") });
        var planner = _fixture.NewPlanner(first);
        using var executor = new StepExecutor();

        // Act
        var results = await executor.ExecuteAllAsync(await planner.PlanDestroyAsync(Ct), Ct);

        // Assert
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.Equal(["Create ns", "Create pod", "Delete ns ns-1"], ProviderOps());
        Assert.Equal(2, executor.Summary.Count(StepKind.Delete));
    }

    [Fact]
    public async Task Refresh_DriftAndOutOfBandDeletion_RecordedPerProperty()
    {
        // Arrange
        var first = await UpAsync([], _fixture.Goal("a", ("size", S("1"))), _fixture.Goal("b"));
        _fixture.Provider.InjectDrift(Urn("a"), "size", S("9"));
        _fixture.Provider.RemoveOutOfBand(Urn("b"));
        var planner = _fixture.NewPlanner(first);
        using var executor = new StepExecutor();

        // Act
        var results = await executor.ExecuteAllAsync(await planner.PlanRefreshAsync(Ct), Ct);

        // Assert
        var a = results.Single(r => r.Step.Urn == Urn("a"));
        Assert.Equal(PropertyDiffKind.Update, Assert.Single(a.Drift, d => d.Key == "size").Value);
        Assert.Equal(S("9"), a.New!.Outputs["size"]);
        var b = results.Single(r => r.Step.Urn == Urn("b"));
        Assert.True(b.Gone);
        Assert.Null(b.New);
        Assert.Equal(2, executor.Summary.Count(StepKind.Refresh));
    }

    [Fact]
    public async Task Update_DefaultProvider_PlannedAppliedThenUsedByReference()
    {
        // Arrange
        var registry = new ProviderRegistry([KeyValuePair.Create("test", _fixture.Provider.Factory)], () => "uuid-42");
        var planner = new Planner(new PlannerOptions { Stack = Stack, Project = Project }, registry);
        var config = new Dictionary<string, PropertyValue> { ["test:region"] = S("eu"), ["other:x"] = S("y") };
        using var executor = new StepExecutor();

        // Act
        var providerStep = await planner.PlanAsync(DefaultProviders.Goal("test", "1.2.3", config), Ct);
        var providerResult = await executor.ExecuteAsync(providerStep, Ct);
        var reference = $"{providerResult.New!.Urn}::{providerResult.New.Id}";
        var resourceStep = await planner.PlanAsync(
            new ResourceGoal { Type = TestProvider.ResourceType, Name = "r", Custom = true, Provider = reference }, Ct);
        var resourceResult = await executor.ExecuteAsync(resourceStep, Ct);

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::pulumi:providers:test::default_1_2_3::uuid-42", reference);
        Assert.Equal(S("eu"), _fixture.Provider.Configuration!["region"]);
        Assert.Equal(StepStatus.Succeeded, resourceResult.Status);
        Assert.Equal(reference, resourceResult.New!.Provider);
    }

    [Fact]
    public async Task Preview_NewExplicitProvider_GetsUnknownIdAndResourcesPlanAgainstIt()
    {
        // Arrange
        var registry = new ProviderRegistry([KeyValuePair.Create("test", _fixture.Provider.Factory)]);
        var planner = new Planner(new PlannerOptions { Stack = Stack, Project = Project, Preview = true }, registry);
        using var executor = new StepExecutor(new StepExecutorOptions { Preview = true });

        // Act
        var providerResult = await executor.ExecuteAsync(
            await planner.PlanAsync(new ResourceGoal { Type = "pulumi:providers:test", Name = "explicit", Custom = true }, Ct), Ct);
        var reference = $"{providerResult.New!.Urn}::{providerResult.New.Id}";
        var step = await planner.PlanAsync(
            new ResourceGoal { Type = TestProvider.ResourceType, Name = "r", Custom = true, Provider = reference }, Ct);
        var result = await executor.ExecuteAsync(step, Ct);

        // Assert
        Assert.Equal(WireConstants.UnknownStringSentinel, providerResult.New.Id);
        Assert.Equal(StepKind.Create, step.Kind);
        Assert.Equal(PropertyValue.Unknown, result.New!.Outputs[TestProvider.ComputedKey]);
        Assert.Empty(_fixture.Provider.Resources);
    }

    [Fact]
    public async Task Update_ImportExisting_ReadsAndRecordsIt()
    {
        // Arrange
        var created = await _fixture.Provider.CreateAsync(
            new CreateRequest { Urn = Urn("outside"), Inputs = Map(("size", S("3"))) }, Ct);
        var planner = _fixture.NewPlanner();
        var log = new ConcurrentQueue<string>();
        using var executor = new StepExecutor(new StepExecutorOptions { Observer = new RecordingObserver(log) });

        // Act
        var result = await executor.ExecuteAsync(await planner.PlanAsync(_fixture.Goal("adopted", ("size", S("3"))) with { ImportId = created.Id }, Ct), Ct);

        // Assert
        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(created.Id, result.New!.Id);
        Assert.Equal(S("3"), result.New.Outputs["size"]);
        Assert.Contains($"pending Importing {Urn("adopted")}", log);
        Assert.Equal(1, executor.Summary.Count(StepKind.Import));
    }

    [Fact]
    public async Task Update_ImportMissingId_FailsNamingId()
    {
        // Arrange
        var planner = _fixture.NewPlanner();
        using var executor = new StepExecutor();

        // Act
        var result = await executor.ExecuteAsync(await planner.PlanAsync(_fixture.Goal("adopted") with { ImportId = "nope" }, Ct), Ct);

        // Assert
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Equal($"Import of '{Urn("adopted")}' failed: there is no resource with ID 'nope' to import", result.Message);
    }

    [Fact]
    public async Task Update_ChangedInput_UpdatesInPlaceKeepingId()
    {
        // Arrange
        var first = await UpAsync([], _fixture.Goal("a", ("size", S("1"))));

        // Act
        var second = await UpAsync(first, _fixture.Goal("a", ("size", S("2"))));

        // Assert
        Assert.Equal(["Create a", "Update a a-1"], ProviderOps());
        var state = Assert.Single(second);
        Assert.Equal("a-1", state.Id);
        Assert.Equal(S("2"), state.Outputs["size"]);
    }

    [Fact]
    public async Task Execute_PendingOperationCannotBeRecorded_ProviderNotCalledAndStepFails()
    {
        // Arrange
        var observer = new Mock<IStepObserver>();
        observer.Setup(o => o.BeforeMutationAsync(It.IsAny<PendingOperation>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk full"));
        var planner = _fixture.NewPlanner();
        using var executor = new StepExecutor(new StepExecutorOptions { Observer = observer.Object });

        // Act
        var result = await executor.ExecuteAsync(await planner.PlanAsync(_fixture.Goal("a"), Ct), Ct);

        // Assert
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Equal($"Create of '{Urn("a")}' failed: disk full", result.Message);
        Assert.DoesNotContain(_fixture.Provider.Calls, c => c.Operation == ProviderOperation.Create);
        observer.Verify(o => o.AfterStepAsync(It.Is<StepResult>(r => r.Status == StepStatus.Failed), It.IsAny<CancellationToken>()), Times.Once);
    }
}
