using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;
using Infra.TestDoubles.Kubernetes;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderConfigureTests
{
    private static KubernetesProvider NewProvider(Func<string, string?>? environment = null) =>
        new(TimeProvider.System, environment ?? ProviderHarness.NoEnvironment);

    [Fact]
    public async Task Configure_MalformedKubeconfig_ThrowsNamingFieldWithoutContents()
    {
        // Arrange
        var provider = NewProvider();
        var config = ProviderHarness.Config(("kubeconfig", "apiVersion: v1\nclusters: [ {name: a\nsecret-token-xyz: : :"));

        // Act
        var error = await Assert.ThrowsAsync<KubernetesConfigurationException>(() => provider.ConfigureAsync(new ConfigureRequest { Config = config }, TestContext.Current.CancellationToken));

        // Assert
        Assert.StartsWith("The kubernetes provider configuration is invalid:", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubernetes:kubeconfig: is not a valid kubeconfig", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-xyz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_UnknownContext_ListsTheKubeconfigContexts()
    {
        // Arrange
        await using var server = new KubernetesApiServerDouble();
        var provider = NewProvider();
        var config = ProviderHarness.Config(("kubeconfig", server.KubeConfig("lab")), ("context", "prod"));

        // Act
        var error = await Assert.ThrowsAsync<KubernetesConfigurationException>(() => provider.ConfigureAsync(new ConfigureRequest { Config = config }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(["kubernetes:context: 'prod' is not a context of kubernetes:kubeconfig (contexts: 'lab')"], error.Problems);
    }

    [Fact]
    public async Task Configure_JsonEncodedValues_AreParsed()
    {
        // Arrange
        await using var server = new KubernetesApiServerDouble();
        var provider = NewProvider();
        var config = ProviderHarness.Config(
            ("kubeconfig", server.KubeConfig()),
            ("enableServerSideApply", "false"),
            ("enableConfigMapMutable", "true"),
            ("deleteUnreachable", "true"),
            ("namespace", "apps"),
            ("clusterIdentifier", "lab-1"),
            ("kubeClientSettings", "{\"burst\":120,\"qps\":50,\"timeout\":7}"));

        // Act
        await provider.ConfigureAsync(new ConfigureRequest { Config = config }, TestContext.Current.CancellationToken);

        // Assert
        var parsed = provider.Configuration;
        Assert.False(parsed.EnableServerSideApply);
        Assert.True(parsed.EnableConfigMapMutable);
        Assert.False(parsed.EnableSecretMutable);
        Assert.True(parsed.DeleteUnreachable);
        Assert.Equal("apps", parsed.Namespace);
        Assert.Equal("lab-1", parsed.ClusterIdentifier);
        Assert.Equal(TimeSpan.FromSeconds(7), parsed.RequestTimeout);
    }

    [Fact]
    public async Task Configure_SeveralBadValues_ReportsEveryProblemOnce()
    {
        // Arrange
        var provider = NewProvider();
        var config = ProviderHarness.Config(
            ("renderYamlToDirectory", "/tmp/out"),
            ("enableServerSideApply", "yes please"),
            ("kubeClientSettings", "{\"timeout\":-1}"));

        // Act
        var error = await Assert.ThrowsAsync<KubernetesConfigurationException>(() => provider.ConfigureAsync(new ConfigureRequest { Config = config }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(
            [
                "kubernetes:kubeClientSettings.timeout: must be a positive number of seconds (was '-1')",
                "kubernetes:enableServerSideApply: must be true or false (was 'yes please')",
            ],
            error.Problems);
    }

    [Fact]
    public async Task Configure_EnvironmentDefaults_AreUsedWhenConfigIsAbsent()
    {
        // Arrange
        await using var server = new KubernetesApiServerDouble();
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, server.KubeConfig(), TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = path, ["PULUMI_K8S_ENABLE_SECRET_MUTABLE"] = "true" };
        var provider = NewProvider(name => environment.GetValueOrDefault(name));

        try
        {
            // Act
            await provider.ConfigureAsync(new ConfigureRequest { Config = PropertyMaps.Empty }, TestContext.Current.CancellationToken);

            // Assert
            Assert.True(provider.Configuration.EnableSecretMutable);
            Assert.Equal("environment variable KUBECONFIG", provider.Configuration.KubeConfigSource);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Configure_NoKubeconfigAnywhere_SaysHowToFixIt()
    {
        // Arrange
        var home = Path.Combine(Path.GetTempPath(), $"home-{Guid.NewGuid():N}");
        var provider = NewProvider(name => name == "HOME" ? home : null);

        // Act
        var error = await Assert.ThrowsAsync<KubernetesConfigurationException>(() => provider.ConfigureAsync(new ConfigureRequest { Config = PropertyMaps.Empty }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("kubernetes:kubeconfig: is required to reach a cluster", error.Message, StringComparison.Ordinal);
        Assert.Contains("renderYamlToDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_KubeconfigPathThatDoesNotExist_NamesThePath()
    {
        // Arrange
        var provider = NewProvider();
        var config = ProviderHarness.Config(("kubeconfig", "/nowhere/kubeconfig"));

        // Act
        var error = await Assert.ThrowsAsync<KubernetesConfigurationException>(() => provider.ConfigureAsync(new ConfigureRequest { Config = config }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(["kubernetes:kubeconfig: must be kubeconfig contents or the path of a kubeconfig file, but file '/nowhere/kubeconfig' does not exist"], error.Problems);
    }

    [Fact]
    public async Task Configure_UnknownKubeconfigInPreview_IsAccepted()
    {
        // Arrange
        var provider = NewProvider();
        var config = PropertyMaps.Create([KeyValuePair.Create("kubeconfig", PropertyValue.Unknown)]);

        // Act
        await provider.ConfigureAsync(new ConfigureRequest { Config = config, Preview = true }, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(provider.Configuration.IsUnknown);
    }
}
