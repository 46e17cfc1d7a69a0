using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using Moq;
using CoreV1 = Infra.Kubernetes.Core.V1;
using KubernetesProvider = Infra.Kubernetes.Provider;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class ProviderTests
{
    [Fact]
    public async Task Constructor_FullConfig_SendsStringsPlainKubeconfigSecretAndOtherValuesAsJson()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new KubernetesProvider("cluster", new()
        {
            KubeConfig = "apiVersion: v1\nkind: Config\n",
            Context = "homelab",
            Cluster = "homelab-cluster",
            Namespace = "apps",
            ClusterIdentifier = "homelab",
            RenderYamlToDirectory = "out/manifests",
            AlwaysRender = true,
            EnableServerSideApply = false,
            EnablePatchForce = true,
            UpsertExistingObjects = false,
            EnableConfigMapMutable = true,
            EnableSecretMutable = true,
            DeleteUnreachable = true,
            SkipUpdateUnreachable = false,
            SuppressDeprecationWarnings = true,
            SuppressHelmHookWarnings = true,
            KubeClientSettings = new KubeClientSettingsArgs { Burst = 200, Qps = 75.5, Timeout = 60 },
            HelmReleaseSettings = new HelmReleaseSettingsArgs { Driver = "secret" },
        }));

        // Assert
        var registration = result.RegistrationOf("pulumi:providers:kubernetes", "cluster");
        Assert.Equal("4.18.0", registration.Options.Version);
        Assert.Equal(
            "{\"alwaysRender\":\"true\",\"cluster\":\"homelab-cluster\",\"clusterIdentifier\":\"homelab\",\"context\":\"homelab\","
            + "\"deleteUnreachable\":\"true\",\"enableConfigMapMutable\":\"true\",\"enablePatchForce\":\"true\",\"enableSecretMutable\":\"true\","
            + "\"enableServerSideApply\":\"false\",\"helmReleaseSettings\":\"{\\\"driver\\\":\\\"secret\\\"}\","
            + "\"kubeClientSettings\":\"{\\\"burst\\\":200,\\\"qps\\\":75.5,\\\"timeout\\\":60}\","
            + "\"kubeconfig\":{\"$secret\":\"apiVersion: v1\\nkind: Config\\n\"},"
            + "\"namespace\":\"apps\",\"renderYamlToDirectory\":\"out/manifests\",\"skipUpdateUnreachable\":\"false\","
            + "\"suppressDeprecationWarnings\":\"true\",\"suppressHelmHookWarnings\":\"true\",\"upsertExistingObjects\":\"false\"}",
            WireJson.Write(PropertyValue.CreateObject(registration.Inputs.Where(p => p.Key != "version"))));
    }

    [Fact]
    public async Task Constructor_KubeconfigFromAnotherResource_StaysSecretWithItsDependency()
    {
        // Arrange
        CoreV1.Secret? source = null;

        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            source = new CoreV1.Secret("admin", new() { StringData = new() { ["kubeconfig"] = "contents" } });
            _ = new KubernetesProvider("cluster", new() { KubeConfig = source.StringData.Apply(d => d["kubeconfig"]) });
        });

        // Assert
        var registration = result.RegistrationOf("pulumi:providers:kubernetes", "cluster");
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("contents")), registration.Inputs["kubeconfig"]);
        Assert.Equal([await source!.Urn.GetValueAsync()], registration.PropertyDependencies["kubeconfig"]);
    }

    [Fact]
    public async Task Options_ExplicitProvider_IsUsedByTypedResources()
    {
        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            var provider = new KubernetesProvider("cluster", new() { Context = "homelab" });
            _ = new CoreV1.Namespace("apps", null, new CustomResourceOptions { Provider = provider });
        });

        // Assert
        var providerUrn = result.RegistrationOf("pulumi:providers:kubernetes", "cluster").Urn;
        Assert.Equal($"{providerUrn}::cluster-id", result.RegistrationOf(CoreV1.Namespace.TypeToken, "apps").Provider);
    }

    [Fact]
    public async Task Constructor_InvalidNamespaceAndEmptyKubeconfig_ThrowsListingBothWithoutTheKubeconfig()
    {
        // Arrange
        var mocks = TypedRun.EchoMocks();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(mocks, () => _ = new KubernetesProvider("cluster", new()
        {
            Namespace = "Apps",
            KubeConfig = " ",
        })));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "Invalid pulumi:providers:kubernetes 'cluster':" + nl
            + "  ProviderArgs.Namespace: must be a DNS-1123 label: at most 63 characters of lower-case letters, digits and '-', starting and ending with a letter or digit (was 'Apps')" + nl
            + "  ProviderArgs.KubeConfig: must be kubeconfig contents or a path, not empty (leave it unset for the default)",
            error.Message);
        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
    }

    [Fact]
    public async Task Constructor_NoArgs_SendsNoConfiguration()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new KubernetesProvider("default"));

        // Assert
        Assert.DoesNotContain(result.RegistrationOf("pulumi:providers:kubernetes", "default").Inputs.Keys, k => k != "version");
    }
}
