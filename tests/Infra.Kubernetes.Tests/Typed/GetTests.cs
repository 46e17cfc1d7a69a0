using Infra.Testing;
using Moq;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;
using StorageV1 = Infra.Kubernetes.Storage.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class GetTests
{
    private static Mock<IMocks> LiveObjectMocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) => ((string?)a.Id, (object)new Dictionary<string, object>
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["metadata"] = new Dictionary<string, object> { ["name"] = "coredns", ["namespace"] = "kube-system" },
                ["spec"] = new Dictionary<string, object> { ["replicas"] = 2 },
                ["status"] = new Dictionary<string, object> { ["readyReplicas"] = 2 },
            }));
        return mocks;
    }

    [Fact]
    public async Task Get_ExistingDeployment_ReadsByIdWithoutInputsAndResolvesTheLiveObject()
    {
        // Arrange
        AppsV1.Deployment? coredns = null;

        // Act
        var result = await TypedRun.RunAsync(LiveObjectMocks(), () => coredns = AppsV1.Deployment.Get("coredns", "kube-system/coredns"));

        // Assert
        var registration = result.RegistrationOf(AppsV1.Deployment.TypeToken, "coredns");
        Assert.True(registration.IsRead);
        Assert.Equal("kube-system/coredns", registration.Id);
        Assert.Empty(registration.Inputs);
        Assert.Equal("kube-system", (await coredns!.Metadata.GetValueAsync()).NamespaceProperty);
        Assert.Equal(2, (await coredns.Spec.GetValueAsync())!.Replicas);
        Assert.Equal(2, (await coredns.Status.GetValueAsync())!.ReadyReplicas);
    }

    [Fact]
    public async Task Get_HandWrittenAndGenericKinds_ReadWithTheirTokens()
    {
        // Act
        var result = await TypedRun.RunAsync(LiveObjectMocks(), () =>
        {
            _ = CoreV1.Secret.Get("token", "apps/token");
            _ = StorageV1.StorageClass.Get("local", "local-path");
            _ = GenericResource.Get("issuer", "cert-manager.io/v1", "ClusterIssuer", "letsencrypt");
        });

        // Assert
        Assert.Equal("apps/token", result.RegistrationOf(CoreV1.Secret.TypeToken, "token").Id);
        Assert.Equal("local-path", result.RegistrationOf(StorageV1.StorageClass.TypeToken, "local").Id);
        var issuer = result.RegistrationOf("kubernetes:cert-manager.io/v1:ClusterIssuer", "issuer");
        Assert.True(issuer.IsRead);
        Assert.Equal("letsencrypt", issuer.Id);
    }

    [Fact]
    public void Get_EveryKind_HasAStaticGet()
    {
        // Act
        var missing = typeof(KubernetesResource).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(KubernetesResource)) && t != typeof(GenericResource))
            .Where(t => t.GetMethod("Get", [typeof(string), typeof(Input<string>), typeof(CustomResourceOptions)]) is not { IsStatic: true } get || get.ReturnType != t)
            .Select(t => t.Name)
            .ToList();

        // Assert
        Assert.Empty(missing);
    }
}
