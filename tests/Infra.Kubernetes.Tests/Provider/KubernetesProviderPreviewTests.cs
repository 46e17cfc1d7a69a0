using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;
using Infra.TestDoubles.Kubernetes;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderPreviewTests
{
    private const string Deployment = "kubernetes:apps/v1:Deployment";

    private const string DeploymentJson = """
        {"metadata":{"labels":{"app":"web"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
        """;

    [Fact]
    public async Task Preview_UnknownKubeconfig_PlansCreatesWithoutContactingAnything()
    {
        // Arrange
        await using var server = new KubernetesApiServerDouble();
        await server.StartAsync(TestContext.Current.CancellationToken);
        var kubeconfigFile = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(kubeconfigFile, server.KubeConfig(), TestContext.Current.CancellationToken);
        var provider = new KubernetesProvider(TimeProvider.System, name => name == "KUBECONFIG" ? kubeconfigFile : null);
        var config = PropertyMaps.Create([KeyValuePair.Create("kubeconfig", PropertyValue.Unknown), KeyValuePair.Create("context", PropertyValue.Create("lab"))]);
        var urn = ProviderHarness.Urn(Deployment, "web");

        try
        {
            // Act
            await provider.ConfigureAsync(new ConfigureRequest { Config = config, Preview = true }, TestContext.Current.CancellationToken);
            var inputs = await ProviderHarness.CheckAsync(provider, urn, ProviderHarness.Inputs(DeploymentJson));
            var created = await provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = inputs, Preview = true }, TestContext.Current.CancellationToken);
            var updated = await provider.UpdateAsync(
                new UpdateRequest { Urn = urn, Id = "x", OldInputs = inputs, OldOutputs = created.Outputs, NewInputs = inputs, Preview = true }, TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(0, server.RequestCount);
            Assert.Null(created.Id);
            Assert.Matches("^web-[0-9a-f]{8}$", KubernetesJson.AsString(KubernetesJson.At(created.Outputs, "metadata.name")));
            Assert.Equal(PropertyValueKind.Unknown, created.Outputs["status"].Kind);
            Assert.Equal(PropertyValueKind.Unknown, KubernetesJson.At(created.Outputs, "metadata.namespace")!.Kind);
            Assert.Equal(PropertyValueKind.Unknown, KubernetesJson.At(created.Outputs, "metadata.uid")!.Kind);
            Assert.Equal(2, KubernetesJson.At(created.Outputs, "spec.replicas")!.NumberValue);
            Assert.Equal(PropertyValueKind.Unknown, updated.Outputs["status"].Kind);
        }
        finally
        {
            File.Delete(kubeconfigFile);
        }
    }

    [Fact]
    public async Task Preview_KnownCluster_PredictsWithoutRequests()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var urn = ProviderHarness.Urn("kubernetes:core/v1:Service", "web");
        var inputs = await ProviderHarness.CheckAsync(harness.Provider, urn, ProviderHarness.Inputs("""{"metadata":{"name":"web"},"spec":{"ports":[{"port":80}]}}"""));

        // Act
        var created = await harness.Provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = inputs, Preview = true }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, harness.Server.RequestCount);
        Assert.Equal("default/web", created.Id);
        Assert.Equal("default", KubernetesJson.AsString(KubernetesJson.At(created.Outputs, "metadata.namespace")));
        Assert.Equal(PropertyValueKind.Unknown, KubernetesJson.At(created.Outputs, "spec.clusterIP")!.Kind);
    }

    [Fact]
    public async Task Preview_Autoname_IsTheNameTheUpdateUses()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var urn = ProviderHarness.Urn("kubernetes:core/v1:ConfigMap", "settings");
        var previewProvider = new KubernetesProvider(TimeProvider.System, ProviderHarness.NoEnvironment);
        await previewProvider.ConfigureAsync(
            new ConfigureRequest { Config = PropertyMaps.Create([KeyValuePair.Create("kubeconfig", PropertyValue.Unknown)]), Preview = true },
            TestContext.Current.CancellationToken);
        var previewed = await ProviderHarness.CheckAsync(previewProvider, urn, ProviderHarness.Inputs("""{"data":{"a":"1"}}"""));

        // Act
        var applied = await harness.CreateAsync("kubernetes:core/v1:ConfigMap", "settings", """{"data":{"a":"1"}}""");

        // Assert
        Assert.Equal(KubernetesJson.AsString(KubernetesJson.At(previewed, "metadata.name")), applied.Output("metadata.name"));
    }
}
