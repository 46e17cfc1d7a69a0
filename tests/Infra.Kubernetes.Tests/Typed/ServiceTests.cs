using Infra.Testing;
using k8s.Models;
using CoreV1 = Infra.Kubernetes.Core.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class ServiceTests
{
    [Fact]
    public async Task Constructor_TargetPortsByNameAndNumber_SentAsStringAndNumber()
    {
        // Arrange
        CoreV1.Service? service = null;

        // Act
        var result = await TypedRun.RunAsync(() => service = new CoreV1.Service("web", new()
        {
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new Dictionary<string, string> { ["app"] = "web" },
                Ports =
                [
                    new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" },
                    new V1ServicePort { Name = "metrics", Port = 9090, TargetPort = 9090, Protocol = "TCP" },
                ],
            },
        }));

        // Assert
        Assert.Equal(
            "{\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":\"http\"},{\"name\":\"metrics\",\"port\":9090,\"protocol\":\"TCP\",\"targetPort\":9090}],"
            + "\"selector\":{\"app\":\"web\"},\"type\":\"ClusterIP\"}",
            WireJson.Write(result.RegistrationOf(CoreV1.Service.TypeToken, "web").Inputs["spec"]));
        var spec = await service!.Spec.GetValueAsync();
        Assert.Equal("http", spec!.Ports[0].TargetPort.Value);
        Assert.Equal(9090, spec.Ports[1].TargetPort.ToInt());
    }

    [Fact]
    public async Task Constructor_PersistentVolumeClaimQuantity_SentAsKubernetesQuantity()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new CoreV1.PersistentVolumeClaim("data", new()
        {
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") } },
            },
        }));

        // Assert
        Assert.Equal(
            "{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"10Gi\"}}}",
            WireJson.Write(result.RegistrationOf(CoreV1.PersistentVolumeClaim.TypeToken, "data").Inputs["spec"]));
    }
}
