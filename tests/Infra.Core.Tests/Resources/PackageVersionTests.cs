using Infra;
using Infra.Core.Tests.Fixtures;
using Infra.Testing;

namespace Infra.Core.Tests.Resources;

public sealed class PackageVersionTests
{
    [Fact]
    public async Task Register_TypedResourceWithoutVersionOption_SendsPackageVersion()
    {
        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, () => _ = new VersionedThing("a", new ThingArgs { Name = "a" }));

        // Assert
        Assert.Equal(VersionedThing.TargetVersion, result.RegistrationOf("test:index:Thing", "a").Options.Version);
    }

    [Fact]
    public async Task Register_VersionOptionSet_OverridesPackageVersion()
    {
        // Act
        var result = await Deployment.TestAsync(
            new EchoMocks(),
            null,
            () => _ = new VersionedThing("a", new ThingArgs { Name = "a" }, new CustomResourceOptions { Version = "5.2.0" }));

        // Assert
        Assert.Equal("5.2.0", result.RegistrationOf("test:index:Thing", "a").Options.Version);
    }

    [Fact]
    public async Task Register_UntypedResource_SendsNoVersion()
    {
        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, () => _ = new Thing("a", new ThingArgs { Name = "a" }));

        // Assert
        Assert.Equal(string.Empty, result.RegistrationOf("test:index:Thing", "a").Options.Version);
    }
}
