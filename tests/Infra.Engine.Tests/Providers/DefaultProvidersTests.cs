using Infra.Engine.Providers;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Providers;

public sealed class DefaultProvidersTests
{
    [Theory]
    [InlineData(null, "default")]
    [InlineData("", "default")]
    [InlineData("4.18.1", "default_4_18_1")]
    [InlineData("1.0.0-alpha.1+build", "default_1_0_0_alpha_1_build")]
    public void Name_Version_FollowsPulumiConvention(string? version, string expected)
    {
        // Arrange / Act
        var name = DefaultProviders.Name(version);

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Urn_PackageAndVersion_IsProviderUrn()
    {
        // Act
        var urn = DefaultProviders.Urn("dev", "homelab", "kubernetes", "4.18.1");

        // Assert
        Assert.Equal("urn:pulumi:dev::homelab::pulumi:providers:kubernetes::default_4_18_1", urn);
    }

    [Fact]
    public void Inputs_StackConfig_TakesOnlyPackageKeysAndKeepsSecrets()
    {
        // Arrange
        var secret = PropertyValue.CreateSecret(PropertyValue.Create("kubeconfig-text"));
        var config = new Dictionary<string, PropertyValue>
        {
            ["kubernetes:kubeconfig"] = secret,
            ["kubernetes:context"] = PropertyValue.Create("admin"),
            ["proxmoxve:endpoint"] = PropertyValue.Create("https://pve"),
            ["homelab:nodes"] = PropertyValue.Create("3"),
        };

        // Act
        var inputs = DefaultProviders.Inputs("kubernetes", "4.18.1", config);

        // Assert
        Assert.Equal(["context", "kubeconfig", "version"], inputs.Keys);
        Assert.Equal(secret, inputs["kubeconfig"]);
        Assert.Equal(PropertyValue.Create("4.18.1"), inputs["version"]);
    }

    [Fact]
    public void Goal_Package_IsCustomProviderResource()
    {
        // Act
        var goal = DefaultProviders.Goal("tls", null, new Dictionary<string, PropertyValue>());

        // Assert
        Assert.Equal("pulumi:providers:tls", goal.Type);
        Assert.Equal("default", goal.Name);
        Assert.True(goal.Custom);
        Assert.Empty(goal.Inputs);
    }

    [Theory]
    [InlineData("[\"kubernetes\"]", "kubernetes", true)]
    [InlineData("[\"kubernetes\"]", "tls", false)]
    [InlineData("[\"*\"]", "tls", true)]
    [InlineData("command, tls", "tls", true)]
    public void IsDisabled_ConfigList_MatchesPackageOrWildcard(string configValue, string package, bool expected)
    {
        // Arrange
        var config = new Dictionary<string, PropertyValue> { [DefaultProviders.DisableKey] = PropertyValue.Create(configValue) };

        // Act / Assert
        Assert.Equal(expected, DefaultProviders.IsDisabled(package, config));
    }

    [Fact]
    public void IsDisabled_NoConfig_False()
    {
        // Act / Assert
        Assert.False(DefaultProviders.IsDisabled("kubernetes", new Dictionary<string, PropertyValue>()));
    }
}
