using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using Moq;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class GenericResourceTests
{
    [Fact]
    public async Task Constructor_CustomResource_UsesApiVersionAndKindInTheToken()
    {
        // Arrange
        var spec = JsonNode.Parse("""{"acme":{"server":"https://acme.example/dir","email":null,"solvers":[{"http01":{"ingress":{"class":"traefik"}}}]}}""");

        // Act
        var result = await TypedRun.RunAsync(() => _ = new GenericResource("letsencrypt", new()
        {
            ApiVersion = "cert-manager.io/v1",
            Kind = "ClusterIssuer",
            Metadata = new V1ObjectMeta { Name = "letsencrypt" },
            Spec = spec!,
        }));

        // Assert
        var registration = result.RegistrationOf("kubernetes:cert-manager.io/v1:ClusterIssuer", "letsencrypt");
        Assert.Equal(PropertyValue.Create("cert-manager.io/v1"), registration.Inputs["apiVersion"]);
        Assert.Equal(PropertyValue.Create("ClusterIssuer"), registration.Inputs["kind"]);
        Assert.Equal(
            "{\"acme\":{\"server\":\"https://acme.example/dir\",\"solvers\":[{\"http01\":{\"ingress\":{\"class\":\"traefik\"}}}]}}",
            WireJson.Write(registration.Inputs["spec"]));
        Assert.Equal("4.18.0", registration.Options.Version);
    }

    [Fact]
    public async Task Constructor_CoreKindWithModelAndOtherFields_SendsKubernetesJson()
    {
        // Arrange
        GenericResource? resource = null;

        // Act
        var result = await TypedRun.RunAsync(() => resource = new GenericResource("quota", new()
        {
            ApiVersion = "v1",
            Kind = "ResourceQuota",
            Spec = new V1ResourceQuotaSpec { Hard = new Dictionary<string, ResourceQuantity> { ["requests.memory"] = new("4Gi") } },
            OtherFields = { ["description"] = "team quota" },
        }));

        // Assert
        var registration = result.RegistrationOf("kubernetes:core/v1:ResourceQuota", "quota");
        Assert.Equal("{\"hard\":{\"requests.memory\":\"4Gi\"}}", WireJson.Write(registration.Inputs["spec"]));
        Assert.Equal(PropertyValue.Create("team quota"), registration.Inputs["description"]);
        var typed = await resource!.GetSpec<V1ResourceQuotaSpec>().GetValueAsync();
        Assert.Equal("4Gi", typed!.Hard["requests.memory"].ToString());
        Assert.Equal(JsonValueKind.Object, (await resource.Spec.GetValueAsync())!.Value.ValueKind);
        Assert.Null(await resource.Status.GetValueAsync());
    }

    [Fact]
    public async Task Constructor_InvalidApiVersionKindAndFields_ThrowsListingEveryProblemAndRegistersNothing()
    {
        // Arrange
        var mocks = TypedRun.EchoMocks();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(mocks, () => _ = new GenericResource("bad", new()
        {
            ApiVersion = "Cert-Manager.io/one",
            Kind = "cluster issuer",
            OtherFields = { ["status"] = "x", ["color"] = "blue" },
        })));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "Invalid kubernetes:Cert-Manager.io/one:cluster issuer 'bad':" + nl
            + "  GenericResourceArgs.ApiVersion: must be '<group>/<version>' or, for the core group, '<version>' (e.g. 'cert-manager.io/v1', 'v1') (was 'Cert-Manager.io/one')" + nl
            + "  GenericResourceArgs.Kind: must be a kind name: a letter, then letters and digits (e.g. 'ClusterIssuer') (was 'cluster issuer')" + nl
            + "  GenericResourceArgs.OtherFields[\"color\"]: must be one of the supported top-level fields: " + string.Join(", ", GenericResource.SupportedFields) + " (was 'color')" + nl
            + "  GenericResourceArgs.OtherFields[\"status\"]: apiVersion, kind, metadata and spec have their own properties, and status is output only (was 'status')",
            error.Message);
        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
    }

    [Fact]
    public void SupportedFields_ListsTopLevelFieldsOfBuiltInKindsWithoutReservedOnes()
    {
        // Act
        var fields = GenericResource.SupportedFields;

        // Assert
        Assert.Contains("data", fields);
        Assert.Contains("rules", fields);
        Assert.Contains("webhooks", fields);
        Assert.DoesNotContain("spec", fields);
        Assert.DoesNotContain("metadata", fields);
        Assert.Equal(fields.Order(StringComparer.Ordinal), fields);
    }

    [Theory]
    [InlineData("v1", "ConfigMap", "kubernetes:core/v1:ConfigMap")]
    [InlineData("apps/v1", "Deployment", "kubernetes:apps/v1:Deployment")]
    [InlineData("traefik.io/v1alpha1", "IngressRoute", "kubernetes:traefik.io/v1alpha1:IngressRoute")]
    public void TypeTokenOf_ApiVersionAndKind_FollowsTheProviderRule(string apiVersion, string kind, string token)
    {
        // Act
        var actual = GenericResource.TypeTokenOf(apiVersion, kind);

        // Assert
        Assert.Equal(token, actual);
    }
}
