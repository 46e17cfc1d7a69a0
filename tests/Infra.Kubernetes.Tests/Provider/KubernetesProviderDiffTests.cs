using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderDiffTests
{
    private static async Task<DiffResult> DiffAsync(string type, string oldJson, string newJson, params (string Key, string Value)[] config)
    {
        var provider = new KubernetesProvider(TimeProvider.System, ProviderHarness.NoEnvironment);
        await provider.ConfigureAsync(
            new ConfigureRequest { Config = ProviderHarness.Config([("renderYamlToDirectory", "/tmp/diff-unused"), .. config]) },
            TestContext.Current.CancellationToken);
        var urn = ProviderHarness.Urn(type, "x");
        var olds = await ProviderHarness.CheckAsync(provider, urn, ProviderHarness.Inputs(oldJson));
        var news = await ProviderHarness.CheckAsync(provider, urn, ProviderHarness.Inputs(newJson), olds);
        return await provider.DiffAsync(new DiffRequest { Urn = urn, Id = "default/x", OldInputs = olds, OldOutputs = olds, NewInputs = news }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Diff_SameInputs_NoChanges()
    {
        // Act
        var diff = await DiffAsync("kubernetes:core/v1:ConfigMap", """{"metadata":{"name":"a"},"data":{"k":"v"}}""", """{"metadata":{"name":"a"},"data":{"k":"v"}}""");

        // Assert
        Assert.Equal(DiffChanges.None, diff.Changes);
    }

    [Fact]
    public async Task Diff_DeploymentSelectorChangeOnNamedObject_ReplacesDeletingFirst()
    {
        // Act
        var diff = await DiffAsync(
            "kubernetes:apps/v1:Deployment",
            """{"metadata":{"name":"app"},"spec":{"selector":{"matchLabels":{"app":"a"}},"replicas":1}}""",
            """{"metadata":{"name":"app"},"spec":{"selector":{"matchLabels":{"app":"b"}},"replicas":1}}""");

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Equal(["spec"], diff.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.UpdateReplace, diff.DetailedDiff["spec.selector"].Kind);
        Assert.True(diff.DeleteBeforeReplace);
    }

    [Fact]
    public async Task Diff_DeploymentReplicasChange_UpdatesInPlace()
    {
        // Act
        var diff = await DiffAsync(
            "kubernetes:apps/v1:Deployment",
            """{"metadata":{"name":"app"},"spec":{"selector":{"matchLabels":{"app":"a"}},"replicas":1}}""",
            """{"metadata":{"name":"app"},"spec":{"selector":{"matchLabels":{"app":"a"}},"replicas":3}}""");

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Empty(diff.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.Update, diff.DetailedDiff["spec"].Kind);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Diff_ConfigMapDataChange_ReplacesUnlessMutable(bool mutable, bool replaces)
    {
        // Act
        var diff = await DiffAsync(
            "kubernetes:core/v1:ConfigMap",
            """{"metadata":{"name":"cfg"},"data":{"k":"1"}}""",
            """{"metadata":{"name":"cfg"},"data":{"k":"2"}}""",
            ("enableConfigMapMutable", mutable ? "true" : "false"));

        // Assert
        Assert.Equal(replaces, diff.ReplaceKeys.Contains("data"));
    }

    [Fact]
    public async Task Diff_ImmutableConfigMapEvenWhenMutableEnabled_Replaces()
    {
        // Act
        var diff = await DiffAsync(
            "kubernetes:core/v1:ConfigMap",
            """{"metadata":{"name":"cfg"},"immutable":true,"data":{"k":"1"}}""",
            """{"metadata":{"name":"cfg"},"immutable":true,"data":{"k":"2"}}""",
            ("enableConfigMapMutable", "true"));

        // Assert
        Assert.Equal(["data"], diff.ReplaceKeys);
    }

    [Fact]
    public async Task Diff_SecretTypeChangeWithMutableSecrets_StillReplaces()
    {
        // Act
        var diff = await DiffAsync(
            "kubernetes:core/v1:Secret",
            """{"metadata":{"name":"s"},"type":"Opaque","stringData":{"k":"1"}}""",
            """{"metadata":{"name":"s"},"type":"kubernetes.io/tls","stringData":{"k":"2"}}""",
            ("enableSecretMutable", "true"));

        // Assert
        Assert.Equal(["type"], diff.ReplaceKeys);
    }

    [Theory]
    [InlineData("kubernetes:core/v1:Service", """{"metadata":{"name":"s"},"spec":{"clusterIP":"10.0.0.1"}}""", """{"metadata":{"name":"s"},"spec":{"clusterIP":"10.0.0.2"}}""", "spec.clusterIP")]
    [InlineData("kubernetes:batch/v1:Job", """{"metadata":{"name":"j"},"spec":{"template":{"spec":{"restartPolicy":"Never"}}}}""", """{"metadata":{"name":"j"},"spec":{"template":{"spec":{"restartPolicy":"OnFailure"}}}}""", "spec.template")]
    [InlineData("kubernetes:storage.k8s.io/v1:StorageClass", """{"metadata":{"name":"fast"},"provisioner":"a","parameters":{"t":"1"}}""", """{"metadata":{"name":"fast"},"provisioner":"a","parameters":{"t":"2"}}""", "parameters")]
    [InlineData("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", """{"metadata":{"name":"rb"},"roleRef":{"name":"a"}}""", """{"metadata":{"name":"rb"},"roleRef":{"name":"b"}}""", "roleRef")]
    [InlineData("kubernetes:core/v1:Namespace", """{"metadata":{"name":"a"}}""", """{"metadata":{"name":"b"}}""", "metadata.name")]
    public async Task Diff_ImmutableField_IsAReplacement(string type, string oldJson, string newJson, string path)
    {
        // Act
        var diff = await DiffAsync(type, oldJson, newJson);

        // Assert
        Assert.True(diff.DetailedDiff[path].IsReplace);
    }

    [Fact]
    public async Task Diff_RenamedObject_IsNotDeletedFirst()
    {
        // Act
        var diff = await DiffAsync("kubernetes:core/v1:Namespace", """{"metadata":{"name":"a"}}""", """{"metadata":{"name":"b"}}""");

        // Assert
        Assert.False(diff.DeleteBeforeReplace);
    }

    [Fact]
    public async Task Diff_AutonamedReplacement_IsCreatedFirst()
    {
        // Act
        var diff = await DiffAsync("kubernetes:core/v1:ConfigMap", """{"data":{"k":"1"}}""", """{"data":{"k":"2"}}""");

        // Assert
        Assert.Contains("data", diff.ReplaceKeys);
        Assert.False(diff.DeleteBeforeReplace);
    }

    [Fact]
    public async Task Diff_AlwaysRender_ReportsAChangeWithoutInputChanges()
    {
        // Act
        var diff = await DiffAsync("kubernetes:core/v1:ConfigMap", """{"metadata":{"name":"a"}}""", """{"metadata":{"name":"a"}}""", ("alwaysRender", "true"));

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Empty(diff.ReplaceKeys);
    }
}
