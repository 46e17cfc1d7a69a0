using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Providers;

public sealed class ProviderRegistryTests
{
    private static readonly string ProviderUrn = ResourceUrn.Create("dev", "proj", null, "pulumi:providers:test", "p");

    private static ProviderRegistry NewRegistry(TestProvider provider) => new(
        [KeyValuePair.Create("test", provider.Factory), KeyValuePair.Create("tls", provider.Factory)],
        () => "fixed-uuid");

    [Fact]
    public void Create_UnknownPackage_ThrowsNamingPackageAndBuiltIns()
    {
        // Arrange
        var registry = NewRegistry(new TestProvider());

        // Act
        var ex = Assert.Throws<ProviderNotFoundException>(() => registry.Create("aws", "6.0.0"));

        // Assert
        Assert.Equal("No provider is built in for package 'aws' (version 6.0.0). Built-in providers: test, tls.", ex.Message);
        Assert.Equal("aws", ex.Package);
        Assert.Equal(["test", "tls"], ex.BuiltInPackages);
    }

    [Fact]
    public async Task LoadAsync_ProviderInputs_ConfiguresWithoutVersion()
    {
        // Arrange
        var provider = new TestProvider();
        var registry = NewRegistry(provider);
        var inputs = PropertyMaps.Create([
            KeyValuePair.Create("version", PropertyValue.Create("1.2.3")),
            KeyValuePair.Create("endpoint", PropertyValue.Create("https://x")),
        ]);

        // Act
        await registry.LoadAsync("test", "1.2.3", inputs, preview: false, TestContext.Current.CancellationToken);

        // Assert
        Assert.NotNull(provider.Configuration);
        Assert.Equal(["endpoint"], provider.Configuration.Keys);
    }

    [Fact]
    public void Get_UnregisteredReference_ThrowsClearError()
    {
        // Arrange
        var registry = NewRegistry(new TestProvider());

        // Act
        var ex = Assert.Throws<ProviderNotFoundException>(() => registry.Get(ProviderUrn + "::nope"));

        // Assert
        Assert.Equal(
            $"Provider '{ProviderUrn}::nope' is not registered in this deployment; its provider resource must be registered before resources that use it.",
            ex.Message);
    }

    [Fact]
    public async Task ResolveAsync_OnlyInOldState_LoadsAndRegistersFromRecordedInputs()
    {
        // Arrange
        var provider = new TestProvider();
        var registry = NewRegistry(provider);
        var old = new ResourceState
        {
            Urn = ProviderUrn,
            Type = "pulumi:providers:test",
            Custom = true,
            Id = "old-id",
            Inputs = PropertyMaps.Create([KeyValuePair.Create("region", PropertyValue.Create("eu"))]),
        };

        // Act
        var resolved = await registry.ResolveAsync(ProviderUrn + "::old-id", urn => urn == ProviderUrn ? old : null, false, TestContext.Current.CancellationToken);

        // Assert
        Assert.Same(provider, resolved);
        Assert.True(registry.TryGet(ProviderUrn + "::old-id", out _));
        Assert.Equal(PropertyValue.Create("eu"), provider.Configuration!["region"]);
    }

    [Fact]
    public async Task ProviderResources_CreateInUpdate_RegistersUnderNewId()
    {
        // Arrange
        var registry = NewRegistry(new TestProvider());

        // Act
        var result = await registry.ProviderResources.CreateAsync(
            new CreateRequest { Urn = ProviderUrn, Inputs = PropertyMaps.Empty }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("fixed-uuid", result.Id);
        Assert.True(registry.TryGet(ProviderUrn + "::fixed-uuid", out _));
    }

    [Fact]
    public async Task ProviderResources_CreateInPreview_UsesUnknownSentinelId()
    {
        // Arrange
        var registry = NewRegistry(new TestProvider());

        // Act
        var result = await registry.ProviderResources.CreateAsync(
            new CreateRequest { Urn = ProviderUrn, Inputs = PropertyMaps.Empty, Preview = true }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(WireConstants.UnknownStringSentinel, result.Id);
        Assert.True(registry.TryGet(ProviderUrn + "::", out _));
    }

    [Fact]
    public async Task ProviderResources_CheckOfUnknownPackage_ThrowsNamingBuiltIns()
    {
        // Arrange
        var registry = NewRegistry(new TestProvider());
        var urn = ResourceUrn.Create("dev", "proj", null, "pulumi:providers:nomad", "n");

        // Act
        var ex = await Assert.ThrowsAsync<ProviderNotFoundException>(() => registry.ProviderResources.CheckAsync(
            new CheckRequest { Urn = urn, Olds = PropertyMaps.Empty, News = PropertyMaps.Empty }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal("No provider is built in for package 'nomad'. Built-in providers: test, tls.", ex.Message);
    }

    [Fact]
    public async Task ProviderResources_DeleteAsync_Unregisters()
    {
        // Arrange
        var registry = NewRegistry(new TestProvider());
        registry.Register(new ProviderReference(ProviderUrn, "id1"), new TestProvider());

        // Act
        await registry.ProviderResources.DeleteAsync(
            new DeleteRequest { Urn = ProviderUrn, Id = "id1", Inputs = PropertyMaps.Empty, Outputs = PropertyMaps.Empty }, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(registry.TryGet(ProviderUrn + "::id1", out _));
    }
}
