using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Kubernetes.Wire;
using Infra.Testing;
using k8s.Models;

namespace Infra.Kubernetes.Tests.Typed.Wire;

public sealed class KubernetesJsonValuesTests
{
    [Fact]
    public void ToNode_ModelWithDateQuantityAndBytes_UsesKubernetesJsonShapesAndCanonicalQuantities()
    {
        // Arrange
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { CreationTimestamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
            Data = new Dictionary<string, byte[]> { ["key"] = "abc"u8.ToArray() },
        };
        var limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("1.5Gi"), ["cpu"] = new("100m") };

        // Act
        var secretJson = KubernetesJsonValues.ToNode(secret)!.ToJsonString();
        var limitsJson = KubernetesJsonValues.ToNode(limits)!.ToJsonString();

        // Assert
        Assert.Equal("{\"data\":{\"key\":\"YWJj\"},\"metadata\":{\"creationTimestamp\":\"2026-01-02T03:04:05Z\"}}", secretJson);
        Assert.Equal("{\"memory\":\"1536Mi\",\"cpu\":\"100m\"}", limitsJson); // canonical form, as the API server writes it
    }

    [Fact]
    public void ToNode_JsonWithNulls_DropsNullMembersAtEveryDepthAndCopiesTheInput()
    {
        // Arrange
        var input = JsonNode.Parse("""{"a":null,"b":{"c":null,"d":[{"e":null,"f":1}]}}""")!;

        // Act
        var node = KubernetesJsonValues.ToNode(input);

        // Assert
        Assert.Equal("{\"b\":{\"d\":[{\"f\":1}]}}", node!.ToJsonString());
        Assert.Equal("""{"a":null,"b":{"c":null,"d":[{"e":null,"f":1}]}}""", input.ToJsonString());
        Assert.Null(KubernetesJsonValues.ToNode(null));
    }

    [Fact]
    public async Task FromJson_AbsentOrNull_GivesNullAndObjectGivesModel()
    {
        // Arrange
        var present = Output.Create<JsonElement?>(JsonDocument.Parse("""{"name":"x","labels":{"a":"b"}}""").RootElement);

        // Act
        var model = await KubernetesJsonValues.FromJson<V1ObjectMeta>(present).GetValueAsync();
        var absent = await KubernetesJsonValues.FromJson<V1ObjectMeta>(Output.Create((JsonElement?)null)).GetValueAsync();
        var nullJson = await KubernetesJsonValues.FromJson<V1ObjectMeta>(Output.Create<JsonElement?>(JsonDocument.Parse("null").RootElement)).GetValueAsync();

        // Assert
        Assert.Equal("x", model!.Name);
        Assert.Equal("b", model.Labels["a"]);
        Assert.Null(absent);
        Assert.Null(nullJson);
    }
}
