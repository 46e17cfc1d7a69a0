using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;
using Infra.TestDoubles.Kubernetes;
using k8s;
using k8s.Models;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderRenderTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "k8s-render-" + Guid.NewGuid().ToString("N"));
    private readonly KubernetesApiServerDouble _server = new();

    public async ValueTask InitializeAsync() => await _server.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static readonly (string Type, string Name, string Json)[] Program =
    [
        ("kubernetes:core/v1:Namespace", "apps", """{"metadata":{"name":"apps"}}"""),
        ("kubernetes:apps/v1:Deployment", "web", """
            {"metadata":{"name":"web","namespace":"apps","labels":{"app":"web","version":"123"},"annotations":{"enabled":"true","note":"yes"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":8080}]}]}}}}
            """),
        ("kubernetes:core/v1:ConfigMap", "settings", """{"metadata":{"namespace":"apps"},"data":{"mode":"fast","multi":"line one\nline two"}}"""),
        ("kubernetes:core/v1:Secret", "creds", """{"metadata":{"name":"creds","namespace":"apps"},"stringData":{"password":"hunter2"}}"""),
        ("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "reader", """{"metadata":{"name":"system:reader"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}"""),
        ("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "widgets", """{"metadata":{"name":"widgets.example.com"},"spec":{"group":"example.com","names":{"kind":"Widget","plural":"widgets"},"scope":"Namespaced"}}"""),
    ];

    private async Task<(KubernetesProvider Provider, List<Applied> Applied)> RenderAsync(string directory, params (string Key, string Value)[] extra)
    {
        var provider = new KubernetesProvider(TimeProvider.System, ProviderHarness.NoEnvironment);
        await provider.ConfigureAsync(
            new ConfigureRequest { Config = ProviderHarness.Config([("renderYamlToDirectory", directory), ("kubeconfig", _server.KubeConfig()), .. extra]) },
            TestContext.Current.CancellationToken);
        var applied = new List<Applied>();
        foreach (var (type, name, json) in Program)
        {
            var urn = ProviderHarness.Urn(type, name);
            var inputs = await ProviderHarness.CheckAsync(provider, urn, ProviderHarness.Inputs(json));
            var result = await provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = inputs }, TestContext.Current.CancellationToken);
            applied.Add(new Applied(urn, result.Id!, inputs, result.Outputs));
        }

        return (provider, applied);
    }

    private static ImmutableArray<string> Files(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Create_RenderMode_WritesOneFilePerObjectWithTheProvidersNames()
    {
        // Act
        var (_, applied) = await RenderAsync(Path.Combine(_root, "a"));

        // Assert
        var configMap = applied[2].Output("metadata.name")!;
        Assert.Equal(
            [
                "0-crd/apiextensions.k8s.io_v1-customresourcedefinition-default-widgets.example.com.yaml",
                $"1-manifest/apps_v1-deployment-apps-web.yaml",
                "1-manifest/rbac.authorization.k8s.io_v1-clusterrole-default-system_reader.yaml",
                $"1-manifest/v1-configmap-apps-{configMap}.yaml",
                "1-manifest/v1-namespace-default-apps.yaml",
                "1-manifest/v1-secret-apps-creds.yaml",
            ],
            Files(Path.Combine(_root, "a")));
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public async Task Create_RenderModeTwice_ProducesTheSameBytes()
    {
        // Arrange
        var first = Path.Combine(_root, "first");
        var second = Path.Combine(_root, "second");

        // Act
        await RenderAsync(first);
        await RenderAsync(second);

        // Assert
        var files = Files(first);
        Assert.Equal(files, Files(second));
        foreach (var file in files)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(second, file), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Create_RenderMode_ManifestsLoadBackIntoKubernetesClientModels()
    {
        // Arrange
        var directory = Path.Combine(_root, "load");
        await RenderAsync(directory);

        // Act
        var objects = new List<object>();
        foreach (var file in Files(directory))
        {
            objects.AddRange(KubernetesYaml.LoadAllFromString(await File.ReadAllTextAsync(Path.Combine(directory, file), TestContext.Current.CancellationToken)));
        }

        // Assert
        var deployment = Assert.Single(objects.OfType<V1Deployment>());
        Assert.Equal("apps", deployment.Metadata.NamespaceProperty);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("true", deployment.Metadata.Annotations["enabled"]);
        Assert.Equal("123", deployment.Metadata.Labels["version"]);
        Assert.Equal(8080, deployment.Spec.Template.Spec.Containers[0].Ports[0].ContainerPort);
        var configMap = Assert.Single(objects.OfType<V1ConfigMap>());
        Assert.Equal("line one\nline two", configMap.Data["multi"]);
        Assert.Equal("true", configMap.Metadata.Annotations["pulumi.com/autonamed"]);
        Assert.Single(objects.OfType<V1Namespace>());
        Assert.Equal("system:reader", Assert.Single(objects.OfType<V1ClusterRole>()).Metadata.Name);
        Assert.Single(objects.OfType<V1CustomResourceDefinition>());
        var secret = Assert.Single(objects.OfType<V1Secret>());
        Assert.Null(secret.StringData);
        Assert.Null(secret.Data);
    }

    [Fact]
    public async Task Create_RenderedSecret_LeavesValuesOutUnlessRenderSecrets()
    {
        // Arrange
        var hidden = Path.Combine(_root, "hidden");
        var shown = Path.Combine(_root, "shown");

        // Act
        await RenderAsync(hidden);
        await RenderAsync(shown, ("renderSecrets", "true"));

        // Assert
        var redacted = await File.ReadAllTextAsync(Path.Combine(hidden, "1-manifest/v1-secret-apps-creds.yaml"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("hunter2", redacted, StringComparison.Ordinal);
        Assert.StartsWith(
            "# Secret values are not rendered (set kubernetes:renderSecrets to true to write them in plaintext).\n# Omitted keys: password\napiVersion: v1\nkind: Secret\n",
            redacted,
            StringComparison.Ordinal);
        var plain = KubernetesYaml.Deserialize<V1Secret>(await File.ReadAllTextAsync(Path.Combine(shown, "1-manifest/v1-secret-apps-creds.yaml"), TestContext.Current.CancellationToken));
        Assert.Equal("hunter2", plain.StringData["password"]);
    }

    [Fact]
    public async Task Create_RenderMode_OutputsMirrorInputsWithoutStatus()
    {
        // Act
        var (_, applied) = await RenderAsync(Path.Combine(_root, "outputs"));

        // Assert
        var deployment = applied[1];
        Assert.Equal("apps/web", deployment.Id);
        Assert.False(deployment.Outputs.ContainsKey("status"));
        Assert.Equal(deployment.Inputs, deployment.Outputs);
        Assert.Equal(PropertyValueKind.Secret, applied[3].Outputs["stringData"].Kind);
    }

    [Fact]
    public async Task Delete_RenderMode_RemovesTheFile()
    {
        // Arrange
        var directory = Path.Combine(_root, "delete");
        var (provider, applied) = await RenderAsync(directory);
        var deployment = applied[1];

        // Act
        await provider.DeleteAsync(
            new DeleteRequest { Urn = deployment.Urn, Id = deployment.Id, Inputs = deployment.Inputs, Outputs = deployment.Outputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.DoesNotContain("1-manifest/apps_v1-deployment-apps-web.yaml", Files(directory));
        Assert.Equal(5, Files(directory).Length);
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public async Task Update_RenderMode_RewritesTheFile()
    {
        // Arrange
        var directory = Path.Combine(_root, "update");
        var (provider, applied) = await RenderAsync(directory);
        var ns = applied[0];
        var news = await ProviderHarness.CheckAsync(provider, ns.Urn, ProviderHarness.Inputs("""{"metadata":{"name":"apps","labels":{"team":"platform"}}}"""), ns.Inputs);

        // Act
        await provider.UpdateAsync(
            new UpdateRequest { Urn = ns.Urn, Id = ns.Id, OldInputs = ns.Inputs, OldOutputs = ns.Outputs, NewInputs = news }, TestContext.Current.CancellationToken);

        // Assert
        var text = await File.ReadAllTextAsync(Path.Combine(directory, "1-manifest/v1-namespace-default-apps.yaml"), TestContext.Current.CancellationToken);
        Assert.Equal("platform", KubernetesYaml.Deserialize<V1Namespace>(text).Metadata.Labels["team"]);
    }
}
