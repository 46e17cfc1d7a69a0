using Infra.Cli.Hosting;

namespace Infra.Engine.Tests.Cli.Hosting;

public sealed class CliServicesTests
{
    [Fact]
    public void CreateBuiltInProviders_Default_ServesTheFourProviderPackagesAndTest()
    {
        // Act
        var providers = CliServices.CreateBuiltInProviders();

        // Assert
        Assert.Equal(["command", "kubernetes", "proxmoxve", "test", "tls"], providers.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("tls", "5.0.0")]
    [InlineData("command", "1.0.0")]
    [InlineData("kubernetes", "4.18.0")]
    [InlineData("proxmoxve", "8.0.0")]
    public void CreateBuiltInProviders_PinnedMajorVersion_CreatesAProviderForThatPackage(string package, string version)
    {
        // Arrange
        var providers = CliServices.CreateBuiltInProviders();

        // Act
        var provider = providers[package](package, version);

        // Assert
        Assert.Equal(package, provider.Package);
    }
}
