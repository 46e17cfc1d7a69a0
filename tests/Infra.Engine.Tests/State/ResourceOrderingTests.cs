using System.Collections.Immutable;
using Infra.Engine.State;

namespace Infra.Engine.Tests.State;

public sealed class ResourceOrderingTests
{
    [Fact]
    public void Sort_ScrambledResources_StackThenProvidersThenDependencyOrder()
    {
        // Arrange
        var component = new ResourceState { Urn = "urn:pulumi:dev::proj::my:Component::comp", Type = "my:Component", Custom = false, Parent = StateTestData.StackUrn };
        var child = StateTestData.Command("child") with { Parent = component.Urn };
        var user = StateTestData.Command("user", child.Urn) with
        {
            PropertyDependencies = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.Add("create", [child.Urn]),
        };
        var deletedWith = StateTestData.Command("dw") with { DeletedWith = user.Urn };
        ResourceState[] scrambled = [deletedWith, user, child, StateTestData.Provider(), component, StateTestData.Stack()];

        // Act
        var sorted = ResourceOrdering.Sort(scrambled);

        // Assert
        Assert.Equal(
            [StateTestData.StackUrn, StateTestData.ProviderUrn, component.Urn, child.Urn, user.Urn, deletedWith.Urn],
            sorted.Select(r => r.Urn));
        Assert.Empty(StateIntegrity.Check(StateTestData.Snapshot([.. sorted])));
    }

    [Fact]
    public void Sort_ValidOrder_KeepsInputOrder()
    {
        // Arrange
        ResourceState[] resources = [StateTestData.Stack(), StateTestData.Provider(), StateTestData.Command("b"), StateTestData.Command("a")];

        // Act
        var sorted = ResourceOrdering.Sort(resources);

        // Assert
        Assert.Equal(resources.Select(r => r.Urn), sorted.Select(r => r.Urn));
    }

    [Fact]
    public void Sort_Cycle_ThrowsNamingTheCycle()
    {
        // Arrange
        var a = StateTestData.Command("a", "urn:pulumi:dev::proj::command:local:Command::b");
        var b = StateTestData.Command("b", a.Urn);

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => ResourceOrdering.Sort([StateTestData.Stack(), StateTestData.Provider(), a, b]));

        // Assert
        Assert.Equal(
            "The resources' parent/dependency/provider references form a cycle, so no valid state order exists: "
            + $"{a.Urn} -> {b.Urn} -> {a.Urn}",
            exception.Message);
    }

    [Fact]
    public void Sort_LongChain_DoesNotOverflowAndOrders()
    {
        // Arrange: 10,000 resources, each depending on the next one in the input.
        var resources = Enumerable.Range(0, 10_000)
            .Select(i => StateTestData.Command($"r{i}", i < 9_999 ? $"urn:pulumi:dev::proj::command:local:Command::r{i + 1}" : StateTestData.ProviderUrn))
            .Prepend(StateTestData.Provider())
            .Prepend(StateTestData.Stack())
            .ToList();

        // Act
        var sorted = ResourceOrdering.Sort(resources);

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::command:local:Command::r9999", sorted[2].Urn);
        Assert.Empty(StateIntegrity.Check(StateTestData.Snapshot([.. sorted])));
    }

    [Fact]
    public void Sort_DependencyOnALaterEntryOfTheSameUrn_MovesThatEntryFirst()
    {
        // Arrange: "user" depends on "dep", which appears twice (the live one and one pending delete), the second time after "user".
        var dep = StateTestData.Command("dep");
        var user = StateTestData.Command("user", dep.Urn);
        var retired = dep with { Delete = true };
        ResourceState[] resources = [StateTestData.Stack(), StateTestData.Provider(), dep, user, retired];

        // Act
        var sorted = ResourceOrdering.Sort(resources);

        // Assert
        Assert.Equal([dep, retired, user], sorted.Skip(2));
    }

    [Fact]
    public void Sort_ProviderAfterOtherResourcesWithoutReferences_MovesProviderFirst()
    {
        // Arrange: no reference is out of order, only the groups (stack, providers, the rest).
        var plain = new ResourceState { Urn = "urn:pulumi:dev::proj::my:Component::plain", Type = "my:Component", Custom = false };
        ResourceState[] resources = [StateTestData.Stack(), plain, StateTestData.Provider()];

        // Act
        var sorted = ResourceOrdering.Sort(resources);

        // Assert
        Assert.Equal([StateTestData.StackUrn, StateTestData.ProviderUrn, plain.Urn], sorted.Select(r => r.Urn));
    }

    [Fact]
    public void Sort_ValidOrderWithManyResources_ReturnsTheSameInstancesInOrder()
    {
        // Arrange: the shape a wide up leaves after each step (new resources appended at the end).
        var resources = Enumerable.Range(0, 500)
            .Select(i => StateTestData.Command($"w{i}"))
            .Prepend(StateTestData.Provider())
            .Prepend(StateTestData.Stack())
            .ToList();

        // Act
        var sorted = ResourceOrdering.Sort(resources);

        // Assert
        Assert.Equal<ResourceState>(resources, sorted, ReferenceEqualityComparer.Instance);
    }
}
