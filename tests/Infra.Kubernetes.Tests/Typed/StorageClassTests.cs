using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using StorageV1 = Infra.Kubernetes.Storage.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class StorageClassTests
{
    [Fact]
    public async Task Constructor_AllFields_SentWithTheirWireNames()
    {
        // Arrange
        StorageV1.StorageClass? storageClass = null;

        // Act
        var result = await TypedRun.RunAsync(() => storageClass = new StorageV1.StorageClass("local", new()
        {
            Metadata = new V1ObjectMeta { Name = "local-path" },
            Provisioner = "rancher.io/local-path",
            Parameters = new() { ["nodePath"] = "/var/lib/local" },
            ReclaimPolicy = "Retain",
            VolumeBindingMode = "WaitForFirstConsumer",
            AllowVolumeExpansion = true,
            MountOptions = new[] { "noatime" },
            AllowedTopologies = new[]
            {
                new V1TopologySelectorTerm { MatchLabelExpressions = [new V1TopologySelectorLabelRequirement { Key = "zone", Values = ["a"] }] },
            },
        }));

        // Assert
        var inputs = result.RegistrationOf(StorageV1.StorageClass.TypeToken, "local").Inputs;
        Assert.Equal(PropertyValue.Create("rancher.io/local-path"), inputs["provisioner"]);
        Assert.Equal("{\"nodePath\":\"/var/lib/local\"}", WireJson.Write(inputs["parameters"]));
        Assert.Equal(PropertyValue.Create("Retain"), inputs["reclaimPolicy"]);
        Assert.Equal(PropertyValue.Create("WaitForFirstConsumer"), inputs["volumeBindingMode"]);
        Assert.Equal(PropertyValue.True, inputs["allowVolumeExpansion"]);
        Assert.Equal("[\"noatime\"]", WireJson.Write(inputs["mountOptions"]));
        Assert.Equal("[{\"matchLabelExpressions\":[{\"key\":\"zone\",\"values\":[\"a\"]}]}]", WireJson.Write(inputs["allowedTopologies"]));
        Assert.Equal("rancher.io/local-path", await storageClass!.Provisioner.GetValueAsync());
        Assert.Equal(["noatime"], await storageClass.MountOptions.GetValueAsync());
        Assert.Equal("zone", (await storageClass.AllowedTopologies.GetValueAsync())[0].MatchLabelExpressions[0].Key);
    }

    [Fact]
    public async Task Constructor_UnknownChoicesAndEmptyProvisioner_ThrowsListingEveryProblem()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(() => _ = new StorageV1.StorageClass("local", new()
        {
            Provisioner = string.Empty,
            ReclaimPolicy = "Recycle",
            VolumeBindingMode = "Lazy",
        })));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "Invalid kubernetes:storage.k8s.io/v1:StorageClass 'local':" + nl
            + "  StorageClassArgs.Provisioner: must not be empty (was '')" + nl
            + "  StorageClassArgs.ReclaimPolicy: must be 'Delete' or 'Retain' (was 'Recycle')" + nl
            + "  StorageClassArgs.VolumeBindingMode: must be 'Immediate' or 'WaitForFirstConsumer' (was 'Lazy')",
            error.Message);
    }
}
