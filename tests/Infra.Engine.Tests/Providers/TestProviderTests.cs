using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Protocol.Values;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Engine.Tests.Providers;

public sealed class TestProviderTests
{
    private static readonly string Urn = ResourceUrn.Create("dev", "proj", null, TestProvider.ResourceType, "r");

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> Inputs(string key, string value) =>
        PropertyMaps.Create([KeyValuePair.Create(key, PropertyValue.Create(value))]);

    [Fact]
    public async Task CreateAsync_Preview_ReturnsUnknownsAndCreatesNothing()
    {
        // Arrange
        var provider = new TestProvider();

        // Act
        var result = await provider.CreateAsync(new CreateRequest { Urn = Urn, Inputs = Inputs("a", "1"), Preview = true }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(result.Id);
        Assert.Equal(PropertyValue.Unknown, result.Outputs[TestProvider.ComputedKey]);
        Assert.Equal(PropertyValue.Create("1"), result.Outputs["a"]);
        Assert.Empty(provider.Resources);
    }

    [Fact]
    public async Task CreateAsync_SecretType_OutputsSecret()
    {
        // Arrange
        var provider = new TestProvider();
        var urn = ResourceUrn.Create("dev", "proj", null, TestProvider.SecretType, "s");

        // Act
        var result = await provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = PropertyMaps.Empty }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("s-1", result.Id);
        Assert.Equal(PropertyValueKind.Secret, result.Outputs[TestProvider.SecretKey].Kind);
        Assert.DoesNotContain("s3cr3t", result.Outputs[TestProvider.SecretKey].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiffAsync_ForceNewChanged_ReportsReplaceKey()
    {
        // Arrange
        var provider = new TestProvider();

        // Act
        var diff = await provider.DiffAsync(
            new DiffRequest { Urn = Urn, Id = "r-1", OldInputs = Inputs("forceNew", "a"), OldOutputs = PropertyMaps.Empty, NewInputs = Inputs("forceNew", "b") },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Equal(["forceNew"], diff.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.UpdateReplace, diff.DetailedDiff["forceNew"].Kind);
    }

    [Fact]
    public async Task CreateAsync_InjectedFailure_ThrowsAndRecordsCall()
    {
        // Arrange
        var provider = new TestProvider();
        provider.FailOn(Urn, ProviderOperation.Create, "boom");

        // Act
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => provider.CreateAsync(new CreateRequest { Urn = Urn, Inputs = PropertyMaps.Empty }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal("boom", ex.Message);
        Assert.Equal(ProviderOperation.Create, Assert.Single(provider.Calls).Operation);
        Assert.Empty(provider.Resources);
    }

    [Fact]
    public async Task CreateAsync_Delay_CompletesOnlyWhenFakeTimeAdvances()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var provider = new TestProvider(time);
        provider.SetDelay(ProviderOperation.Create, TimeSpan.FromSeconds(30));

        // Act
        var task = provider.CreateAsync(new CreateRequest { Urn = Urn, Inputs = PropertyMaps.Empty }, TestContext.Current.CancellationToken);
        var completedBefore = task.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await task;

        // Assert
        Assert.False(completedBefore);
        Assert.Equal("r-1", result.Id);
    }

    [Fact]
    public async Task ReadAsync_InjectedDriftAndRemoval_ReportsLiveState()
    {
        // Arrange
        var provider = new TestProvider();
        var created = await provider.CreateAsync(new CreateRequest { Urn = Urn, Inputs = Inputs("size", "1") }, TestContext.Current.CancellationToken);
        provider.InjectDrift(Urn, "size", PropertyValue.Create("2"));

        // Act
        var drifted = await provider.ReadAsync(new ReadRequest { Urn = Urn, Id = created.Id! }, TestContext.Current.CancellationToken);
        provider.RemoveOutOfBand(Urn);
        var gone = await provider.ReadAsync(new ReadRequest { Urn = Urn, Id = created.Id! }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PropertyValue.Create("2"), drifted.Outputs!["size"]);
        Assert.Null(gone.Outputs);
    }

    [Fact]
    public async Task InvokeAsync_EchoAndFail_ReturnArgsOrFailures()
    {
        // Arrange
        var provider = new TestProvider();
        var args = Inputs("x", "y");

        // Act
        var echo = await provider.InvokeAsync(new InvokeRequest { Token = "test:index:echo", Args = args }, TestContext.Current.CancellationToken);
        var fail = await provider.InvokeAsync(new InvokeRequest { Token = "test:index:fail", Args = args }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(args, echo.Return);
        Assert.Empty(echo.Failures);
        Assert.Equal(new CheckFailure("args", "the function was asked to fail"), Assert.Single(fail.Failures));
    }
}
