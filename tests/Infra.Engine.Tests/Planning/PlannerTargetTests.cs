using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Planning;

/// <summary><c>--target</c> in the planner, and resources left pending replacement.</summary>
public sealed class PlannerTargetTests
{
    private readonly EngineFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanAsync_UntargetedExistingResource_SameWithOldStateAndNoProviderCall()
    {
        // Arrange
        var old = _fixture.State("a", ("value", S("one")));
        var planner = _fixture.NewPlanner([old], targets: [Urn("b")]);

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("value", S("two"))), Ct);

        // Assert
        Assert.Equal(StepKind.Same, step.Kind);
        Assert.Equal(old, step.New);
        Assert.Empty(_fixture.Provider.Calls);
    }

    [Fact]
    public async Task PlanAsync_UntargetedNewResource_ThrowsNotTargeted()
    {
        // Arrange
        var planner = _fixture.NewPlanner(targets: [Urn("b")]);

        // Act
        var ex = await Assert.ThrowsAsync<NotTargetedException>(() => planner.PlanAsync(_fixture.Goal("a"), Ct));

        // Assert
        Assert.Equal(Urn("a"), ex.Urn);
        Assert.Contains("--target", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Provider.Calls);
    }

    [Fact]
    public async Task PlanAsync_PendingReplacement_CreatesAgain()
    {
        // Arrange
        var old = _fixture.State("a", ("forceNew", S("1"))) with { PendingReplacement = true };
        var planner = _fixture.NewPlanner([old]);

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("forceNew", S("1"))), Ct);

        // Assert
        Assert.Equal(StepKind.Create, step.Kind);
        Assert.Equal(old, step.Old);
        Assert.Null(step.New!.Id);
        Assert.False(step.New.PendingReplacement);
    }

    [Fact]
    public async Task PlanDeletesAsync_WithTargets_DeletesOnlyTargetedResources()
    {
        // Arrange: neither a nor b is registered any more; only a is targeted
        var planner = _fixture.NewPlanner([_fixture.State("a"), _fixture.State("b")], targets: [Urn("a")]);

        // Act
        var steps = await planner.PlanDeletesAsync(Ct);

        // Assert
        Assert.Equal([Urn("a")], steps.Select(s => s.Urn));
    }

    [Fact]
    public async Task PlanDestroyAsync_WithTargets_TargetsAndTheirDependentsInReverseDependencyOrder()
    {
        // Arrange: c depends on b, b on a; x is independent
        var a = _fixture.State("a");
        var b = _fixture.State("b") with { Dependencies = [Urn("a")] };
        var c = _fixture.State("c") with { PropertyDependencies = PropertyDependencies(("value", Urn("b"))) };
        var planner = _fixture.NewPlanner([a, b, c, _fixture.State("x"), _fixture.ProviderState()], targets: [Urn("a")]);

        // Act
        var steps = await planner.PlanDestroyAsync(Ct);

        // Assert
        Assert.Equal([Urn("c"), Urn("b"), Urn("a")], steps.Select(s => s.Urn));
        Assert.Equal([Urn("b")], steps[2].WaitFor);
    }

    [Fact]
    public async Task PlanRefreshAsync_WithTargets_ReadsOnlyTheTargets()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a"), _fixture.State("b"), _fixture.State("c")], targets: [Urn("c"), Urn("a")]);

        // Act
        var steps = await planner.PlanRefreshAsync(Ct);

        // Assert
        Assert.Equal([Urn("a"), Urn("c")], steps.Select(s => s.Urn));
    }

    [Fact]
    public async Task UnknownTargets_TargetsNeitherInStateNorRegistered_ListedInOrder()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a")], targets: [Urn("z"), Urn("a"), Urn("new"), Urn("m")]);
        await planner.PlanAsync(_fixture.Goal("new"), Ct);

        // Act
        var unknown = planner.UnknownTargets();
        var message = Planner.UnknownTargetsMessage(unknown);

        // Assert
        Assert.Equal([Urn("m"), Urn("z")], unknown);
        Assert.Equal(
            $"--target names 2 resources that are neither in the stack's state nor registered by the program: '{Urn("m")}', '{Urn("z")}'. " +
            "Check the URNs (they are case-sensitive) against the stack's resources.",
            message);
    }

    [Fact]
    public async Task PlanDeletesAsync_PendingReplacement_RemovedFromStateWithoutProviderDelete()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a") with { PendingReplacement = true }]);

        // Act
        var step = Assert.Single(await planner.PlanDeletesAsync(Ct));

        // Assert
        Assert.Equal(StepKind.Delete, step.Kind);
        Assert.NotNull(step.SkipProviderDeleteReason);
        Assert.DoesNotContain(_fixture.Provider.Calls, c => c.Operation == ProviderOperation.Delete);
    }

    private static ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies(params (string Key, string Urn)[] dependencies) =>
        dependencies.ToImmutableSortedDictionary(d => d.Key, d => ImmutableArray.Create(d.Urn), StringComparer.Ordinal);
}
