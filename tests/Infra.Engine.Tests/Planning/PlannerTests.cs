using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Protocol.Values;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Planning;

public sealed class PlannerTests
{
    private readonly EngineFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanAsync_NoOldState_Create()
    {
        // Arrange
        var planner = _fixture.NewPlanner();

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("size", S("1"))), Ct);

        // Assert
        Assert.Equal(StepKind.Create, step.Kind);
        Assert.Equal(Urn("a"), step.Urn);
        Assert.Null(step.Old);
        Assert.Equal(Map(("size", S("1"))), step.New!.Inputs);
        Assert.Equal(_fixture.ProviderRef, step.New.Provider);
        Assert.Contains(_fixture.ProviderUrn, step.WaitFor);
    }

    [Fact]
    public async Task PlanAsync_UnchangedInputs_SameWithOldIdAndOutputs()
    {
        // Arrange
        var old = _fixture.State("a", ("size", S("1")));
        var planner = _fixture.NewPlanner([old]);

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("size", S("1"))), Ct);

        // Assert
        Assert.Equal(StepKind.Same, step.Kind);
        Assert.Equal("a-id", step.New!.Id);
        Assert.Equal(old.Outputs, step.New.Outputs);
    }

    [Fact]
    public async Task PlanAsync_ChangedInput_UpdateWithChangedKeys()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("size", S("1")), ("name", S("x")))]);

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("size", S("2")), ("name", S("x"))), Ct);

        // Assert
        Assert.Equal(StepKind.Update, step.Kind);
        Assert.Equal(["size"], step.ChangedKeys);
    }

    [Fact]
    public async Task PlanAsync_ProviderReplaceKey_ReplaceCreateBeforeDelete()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("forceNew", S("1")))]);

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("forceNew", S("2"))), Ct);

        // Assert
        Assert.Equal(StepKind.Replace, step.Kind);
        Assert.False(step.DeleteBeforeReplace);
        Assert.Equal(["forceNew"], step.ReplaceKeys);
        Assert.Null(step.New!.Id);
    }

    [Fact]
    public async Task PlanAsync_DeleteBeforeReplaceOption_ReplaceDeleteFirst()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("forceNew", S("1")))]);
        var goal = _fixture.Goal("a", ("forceNew", S("2"))) with { DeleteBeforeReplace = true, DeleteBeforeReplaceDefined = true };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(StepKind.Replace, step.Kind);
        Assert.True(step.DeleteBeforeReplace);
    }

    [Fact]
    public async Task PlanAsync_ProviderRequiresDeleteBeforeReplace_ReplaceDeleteFirst()
    {
        // Arrange
        _fixture.Provider.RequireDeleteBeforeReplace(TestProvider.ResourceType);
        var planner = _fixture.NewPlanner([_fixture.State("a", ("forceNew", S("1")))]);

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a", ("forceNew", S("2"))), Ct);

        // Assert
        Assert.True(step.DeleteBeforeReplace);
    }

    [Fact]
    public async Task PlanAsync_ProviderRequiresDbrButUserSetFalse_CreateBeforeDelete()
    {
        // Arrange
        _fixture.Provider.RequireDeleteBeforeReplace(TestProvider.ResourceType);
        var planner = _fixture.NewPlanner([_fixture.State("a", ("forceNew", S("1")))]);
        var goal = _fixture.Goal("a", ("forceNew", S("2"))) with { DeleteBeforeReplace = false, DeleteBeforeReplaceDefined = true };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(StepKind.Replace, step.Kind);
        Assert.False(step.DeleteBeforeReplace);
    }

    [Fact]
    public async Task PlanAsync_ReplaceOnChangesNestedPathChanged_Replace()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("spec", Obj(("image", S("v1")), ("replicas", S("1")))))]);
        var goal = _fixture.Goal("a", ("spec", Obj(("image", S("v2")), ("replicas", S("1"))))) with { ReplaceOnChanges = ["spec.image"] };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(StepKind.Replace, step.Kind);
        Assert.Equal(["spec.image"], step.ReplaceKeys);
    }

    [Fact]
    public async Task PlanAsync_ReplaceOnChangesOtherPathChanged_Update()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("spec", Obj(("image", S("v1")), ("replicas", S("1")))))]);
        var goal = _fixture.Goal("a", ("spec", Obj(("image", S("v1")), ("replicas", S("2"))))) with { ReplaceOnChanges = ["spec.image"] };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(StepKind.Update, step.Kind);
    }

    [Fact]
    public async Task PlanAsync_IgnoreChangesNestedPath_SameAndKeepsOldValue()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("spec", Obj(("replicas", S("1")), ("image", S("v1")))))]);
        var goal = _fixture.Goal("a", ("spec", Obj(("replicas", S("5")), ("image", S("v1"))))) with { IgnoreChanges = ["spec.replicas"] };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(StepKind.Same, step.Kind);
        Assert.Equal(Obj(("image", S("v1")), ("replicas", S("1"))), step.New!.Inputs["spec"]);
    }

    [Fact]
    public async Task PlanAsync_IgnoreChangesOnForceNew_NoReplace()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("forceNew", S("1")), ("size", S("1")))]);
        var goal = _fixture.Goal("a", ("forceNew", S("2")), ("size", S("2"))) with { IgnoreChanges = ["forceNew"] };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(StepKind.Update, step.Kind);
        Assert.Equal(S("1"), step.New!.Inputs["forceNew"]);
    }

    [Fact]
    public async Task PlanAsync_ProtectedResourceNeedsReplace_ThrowsClearMessage()
    {
        // Arrange
        var planner = _fixture.NewPlanner([_fixture.State("a", ("forceNew", S("1"))) with { Protect = true }]);

        // Act
        var ex = await Assert.ThrowsAsync<PlanningException>(() => planner.PlanAsync(_fixture.Goal("a", ("forceNew", S("2"))) with { Protect = true }, Ct));

        // Assert
        Assert.Equal(
            $"Resource '{Urn("a")}' is protected and cannot be replaced (changes to forceNew force a replacement). " +
            "To allow it, set protect to false, run an update, then make the change.",
            ex.Message);
        Assert.Equal(Urn("a"), ex.Urn);
    }

    [Fact]
    public async Task PlanAsync_CheckFailures_ThrowsNamingResourceAndEveryProperty()
    {
        // Arrange
        _fixture.Provider.InjectCheckFailure(Urn("a"), "size", "must be at least 1 (was 0)");
        _fixture.Provider.InjectCheckFailure(Urn("a"), "name", "is required");
        var planner = _fixture.NewPlanner();

        // Act
        var ex = await Assert.ThrowsAsync<PlanningException>(() => planner.PlanAsync(_fixture.Goal("a", ("size", PropertyValue.Create(0))), Ct));

        // Assert
        Assert.Equal(
            $"Resource '{Urn("a")}' (test:index:Resource) has invalid inputs:{Environment.NewLine}" +
            $"  - property 'size': must be at least 1 (was 0){Environment.NewLine}  - property 'name': is required",
            ex.Message);
        Assert.Equal(2, ex.Problems.Length);
    }

    [Fact]
    public async Task PlanAsync_AliasOfOldUrn_UsesOldStateAndNothingIsDeleted()
    {
        // Arrange
        var old = _fixture.State("old-name", ("size", S("1")));
        var planner = _fixture.NewPlanner([_fixture.ProviderState(), old]);
        var goal = _fixture.Goal("new-name", ("size", S("1"))) with { Aliases = [old.Urn] };

        // Act
        var step = await planner.PlanAsync(goal, Ct);
        await planner.PlanAsync(new ResourceGoal { Type = "pulumi:providers:test", Name = "p", Custom = true }, Ct);
        var deletes = await planner.PlanDeletesAsync(Ct);

        // Assert
        Assert.Equal(StepKind.Same, step.Kind);
        Assert.Equal(Urn("new-name"), step.New!.Urn);
        Assert.Same(old, step.Old);
        Assert.Empty(deletes);
    }

    [Fact]
    public async Task PlanAsync_SameUrnTwice_ThrowsDuplicate()
    {
        // Arrange
        var planner = _fixture.NewPlanner();
        await planner.PlanAsync(_fixture.Goal("a"), Ct);

        // Act
        var ex = await Assert.ThrowsAsync<PlanningException>(() => planner.PlanAsync(_fixture.Goal("a"), Ct));

        // Assert
        Assert.Equal($"Duplicate resource URN '{Urn("a")}'; try giving it a unique name.", ex.Message);
    }

    [Fact]
    public async Task PlanAsync_ImportId_Import()
    {
        // Arrange
        var planner = _fixture.NewPlanner();

        // Act
        var step = await planner.PlanAsync(_fixture.Goal("a") with { ImportId = "existing-7" }, Ct);

        // Assert
        Assert.Equal(StepKind.Import, step.Kind);
        Assert.Equal("existing-7", step.New!.Id);
    }

    [Fact]
    public async Task PlanReadAsync_Id_ReadOfExternalResource()
    {
        // Arrange
        var planner = _fixture.NewPlanner();

        // Act
        var step = await planner.PlanReadAsync(_fixture.Goal("ext"), "ext-9", Ct);

        // Assert
        Assert.Equal(StepKind.Read, step.Kind);
        Assert.True(step.New!.External);
        Assert.Equal("ext-9", step.New.Id);
    }

    [Fact]
    public async Task PlanAsync_Component_CreateWithoutProviderCalls()
    {
        // Arrange
        var planner = _fixture.NewPlanner();

        // Act
        var step = await planner.PlanAsync(new ResourceGoal { Type = "my:comp:Web", Name = "web", Custom = false }, Ct);

        // Assert
        Assert.Equal(StepKind.Create, step.Kind);
        Assert.Null(step.Provider);
        Assert.Empty(_fixture.Provider.Calls);
    }

    [Fact]
    public async Task PlanAsync_CustomWithoutProvider_ThrowsNamingPackage()
    {
        // Arrange
        var planner = _fixture.NewPlanner();

        // Act
        var ex = await Assert.ThrowsAsync<PlanningException>(() => planner.PlanAsync(_fixture.Goal("a") with { Provider = null }, Ct));

        // Assert
        Assert.Equal(
            $"Resource '{Urn("a")}' has no provider reference; register the default provider of package 'test' first (DefaultProviders.Goal) and pass its reference.",
            ex.Message);
    }

    [Fact]
    public async Task PlanAsync_ProviderOfOtherPackage_Throws()
    {
        // Arrange
        var planner = _fixture.NewPlanner();
        var goal = _fixture.Goal("a") with { Type = "tls:index:PrivateKey" };

        // Act
        var ex = await Assert.ThrowsAsync<PlanningException>(() => planner.PlanAsync(goal, Ct));

        // Assert
        Assert.Equal(
            $"Resource '{Urn("a", "tls:index:PrivateKey")}' of package 'tls' cannot use provider '{_fixture.ProviderRef}', which serves package 'test'.",
            ex.Message);
    }

    [Fact]
    public async Task PlanAsync_DependenciesParentAndPropertyDependencies_AllInWaitFor()
    {
        // Arrange
        var planner = _fixture.NewPlanner();
        var parent = ResourceUrn.Create(Stack, Project, null, "my:comp:Web", "web");
        var goal = _fixture.Goal("a") with
        {
            Parent = parent,
            Dependencies = [Urn("d1")],
            PropertyDependencies = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal, [KeyValuePair.Create("x", System.Collections.Immutable.ImmutableArray.Create(Urn("d2")))]),
        };

        // Act
        var step = await planner.PlanAsync(goal, Ct);

        // Assert
        Assert.Equal(new[] { Urn("d1"), Urn("d2"), parent, _fixture.ProviderUrn }.Order(StringComparer.Ordinal), step.WaitFor);
    }

    [Fact]
    public async Task PlanAsync_UnchangedProviderResource_SameAndInstanceLoaded()
    {
        // Arrange
        var urn = ResourceUrn.Create(Stack, Project, null, "pulumi:providers:test", "explicit");
        var old = new ResourceState { Urn = urn, Type = "pulumi:providers:test", Custom = true, Id = "uuid-1", Inputs = Map(("region", S("eu"))) };
        var planner = _fixture.NewPlanner([old]);

        // Act
        var step = await planner.PlanAsync(new ResourceGoal { Type = "pulumi:providers:test", Name = "explicit", Custom = true, Inputs = Map(("region", S("eu"))) }, Ct);

        // Assert
        Assert.Equal(StepKind.Same, step.Kind);
        Assert.True(_fixture.Registry.TryGet(urn + "::uuid-1", out var provider));
        Assert.Same(_fixture.Provider, provider);
    }
}
