using Infra.Engine.Planning;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Planning;

public sealed class PlannerDeletesTests
{
    private readonly EngineFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanDeletesAsync_UnregisteredChain_DependentsFirstAndWaitForDependents()
    {
        // Arrange: c depends on b, b on a; x is still registered.
        var a = _fixture.State("a");
        var b = _fixture.State("b") with { Dependencies = [Urn("a")] };
        var c = _fixture.State("c") with { Dependencies = [Urn("b")] };
        var planner = _fixture.NewPlanner([a, b, c, _fixture.State("x")]);
        await planner.PlanAsync(_fixture.Goal("x"), Ct);

        // Act
        var steps = await planner.PlanDeletesAsync(Ct);

        // Assert
        Assert.Equal([Urn("c"), Urn("b"), Urn("a")], steps.Select(s => s.Urn));
        Assert.All(steps, s => Assert.Equal(StepKind.Delete, s.Kind));
        Assert.Equal([Urn("c")], steps[1].WaitFor);
        Assert.Equal([Urn("b")], steps[2].WaitFor);
        Assert.Empty(steps[0].WaitFor);
    }

    [Fact]
    public async Task PlanDeletesAsync_IndependentResources_UrnOrder()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("m"), _fixture.State("b"), _fixture.State("z")]);

        // Act
        var steps = await planner.PlanDeletesAsync(Ct);

        // Assert
        Assert.Equal([Urn("b"), Urn("m"), Urn("z")], steps.Select(s => s.Urn));
    }

    [Fact]
    public async Task PlanDeletesAsync_ProtectedResource_ThrowsListingIt()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("keep") with { Protect = true }]);

        // Act
        var ex = await Assert.ThrowsAsync<PlanningException>(() => planner.PlanDeletesAsync(Ct));

        // Assert
        Assert.Equal(
            $"Cannot delete protected resource '{Urn("keep")}'. To delete, set protect to false, run an update, then try again.",
            ex.Message);
    }

    [Fact]
    public async Task PlanDeletesAsync_RetainOnDelete_SkipsProviderDelete()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("r") with { RetainOnDelete = true }]);

        // Act
        var step = Assert.Single(await planner.PlanDeletesAsync(Ct));

        // Assert
        Assert.Equal("retainOnDelete is set: the resource is only removed from the state", step.SkipProviderDeleteReason);
    }

    [Fact]
    public async Task PlanDeletesAsync_DeletedWithResourceAlsoDeleted_SkipsProviderDeleteAndWaits()
    {
        // Arrange
        var ns = _fixture.State("ns");
        var pod = _fixture.State("pod") with { DeletedWith = Urn("ns") };
        var planner = _fixture.NewPlanner([ns, pod]);

        // Act
        var steps = await planner.PlanDeletesAsync(Ct);

        // Assert
        Assert.Equal([Urn("pod"), Urn("ns")], steps.Select(s => s.Urn));
        Assert.Equal($"deleted with '{Urn("ns")}'", steps[0].SkipProviderDeleteReason);
        Assert.Null(steps[1].SkipProviderDeleteReason);
    }

    [Fact]
    public async Task PlanDeletesAsync_DeletedWithResourceStillAlive_DeletesThroughProvider()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("ns"), _fixture.State("pod") with { DeletedWith = Urn("ns") }]);
        await planner.PlanAsync(_fixture.Goal("ns"), Ct);

        // Act
        var step = Assert.Single(await planner.PlanDeletesAsync(Ct));

        // Assert
        Assert.Equal(Urn("pod"), step.Urn);
        Assert.Null(step.SkipProviderDeleteReason);
        Assert.NotNull(step.Provider);
    }

    [Fact]
    public async Task PlanDeletesAsync_AfterCreateBeforeDeleteReplace_DeletesOldCopy()
    {
        // Arrange
        var old = _fixture.State("a", ("forceNew", S("1")));
        var planner = _fixture.NewPlanner([old]);
        await planner.PlanAsync(_fixture.Goal("a", ("forceNew", S("2"))), Ct);

        // Act
        var step = Assert.Single(await planner.PlanDeletesAsync(Ct));

        // Assert
        Assert.Equal(Urn("a"), step.Urn);
        Assert.True(step.Old!.Delete);
        Assert.Equal("a-id", step.Old.Id);
    }

    [Fact]
    public async Task PlanDestroyAsync_ResourcesAndProvider_ProviderDeletedLast()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.ProviderState(), _fixture.State("a"), _fixture.State("b") with { Parent = Urn("a") }]);

        // Act
        var steps = await planner.PlanDestroyAsync(Ct);

        // Assert
        Assert.Equal([Urn("b"), Urn("a"), _fixture.ProviderUrn], steps.Select(s => s.Urn));
        Assert.Same(_fixture.Registry.ProviderResources, steps[2].Provider);
        Assert.Equal([Urn("a"), Urn("b")], steps[2].WaitFor);
    }

    [Fact]
    public async Task PlanRefreshAsync_State_OneReadPerCustomResource()
    {
        // Arrange
        var component = new Infra.Engine.State.ResourceState { Urn = Urn("c", "my:comp:C"), Type = "my:comp:C", Custom = false };
        var planner = _fixture.NewPlanner([_fixture.ProviderState(), _fixture.State("b"), _fixture.State("a"), component]);

        // Act
        var steps = await planner.PlanRefreshAsync(Ct);

        // Assert
        Assert.Equal([Urn("a"), Urn("b")], steps.Select(s => s.Urn));
        Assert.All(steps, s => Assert.Equal(StepKind.Refresh, s.Kind));
        Assert.All(steps, s => Assert.Same(_fixture.Provider, s.Provider));
    }
}
