using Infra.Testing;
using k8s.Models;
using Moq;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;
using RbacV1 = Infra.Kubernetes.Rbac.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class MetadataValidationTests
{
    [Fact]
    public async Task Constructor_EveryMetadataRuleBroken_ThrowsOneExceptionListingAllAndRegistersNothing()
    {
        // Arrange
        var mocks = TypedRun.EchoMocks();
        var metadata = new V1ObjectMeta
        {
            Name = "Web_App",
            NamespaceProperty = "team.a",
            Labels = new Dictionary<string, string> { ["app"] = "web app", ["-bad"] = "ok", ["example.com/tier"] = "front" },
            Annotations = new Dictionary<string, string> { ["Bad Key"] = "anything goes here", ["example.com/ok"] = "{}" },
        };

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(mocks, () => _ = new AppsV1.Deployment("web", new() { Metadata = metadata })));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "Invalid kubernetes:apps/v1:Deployment 'web':" + nl
            + "  DeploymentArgs.Metadata.Name: must be a DNS-1123 subdomain: at most 253 characters of lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (was 'Web_App')" + nl
            + "  DeploymentArgs.Metadata.Namespace: must be a DNS-1123 label: at most 63 characters of lower-case letters, digits and '-', starting and ending with a letter or digit (was 'team.a')" + nl
            + "  DeploymentArgs.Metadata.Labels[\"-bad\"]: keys must be an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (was '-bad')" + nl
            + "  DeploymentArgs.Metadata.Labels[\"app\"]: label values must be empty or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (was 'web app')" + nl
            + "  DeploymentArgs.Metadata.Annotations[\"Bad Key\"]: keys must be an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (was 'Bad Key')",
            error.Message);
        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
    }

    [Fact]
    public async Task Constructor_NamespaceNameWithDot_ThrowsDns1123LabelRule()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(
            () => _ = new CoreV1.Namespace("team", new() { Metadata = new V1ObjectMeta { Name = "team.a" } })));

        // Assert
        Assert.Equal(
            "Invalid kubernetes:core/v1:Namespace 'team':" + Environment.NewLine
            + "  NamespaceArgs.Metadata.Name: must be a DNS-1123 label: at most 63 characters of lower-case letters, digits and '-', starting and ending with a letter or digit (was 'team.a')",
            error.Message);
    }

    [Fact]
    public async Task Constructor_ServiceNameStartingWithDigit_ThrowsRfc1035LabelRule()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(
            () => _ = new CoreV1.Service("web", new() { Metadata = new V1ObjectMeta { Name = "1web" } })));

        // Assert
        Assert.Equal(
            "Invalid kubernetes:core/v1:Service 'web':" + Environment.NewLine
            + "  ServiceArgs.Metadata.Name: must be an RFC 1035 label: at most 63 characters of lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (was '1web')",
            error.Message);
    }

    [Fact]
    public async Task Constructor_RbacNameWithColon_IsAccepted()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new RbacV1.ClusterRole("metrics", new() { Metadata = new V1ObjectMeta { Name = "system:metrics-reader" } }));

        // Assert
        Assert.Equal("{\"name\":\"system:metrics-reader\"}", WireJson.Write(result.RegistrationOf(RbacV1.ClusterRole.TypeToken, "metrics").Inputs["metadata"]));
    }

    [Fact]
    public async Task Constructor_RbacNameWithSlash_ThrowsPathSegmentRule()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(
            () => _ = new RbacV1.Role("reader", new() { Metadata = new V1ObjectMeta { Name = "a/b" } })));

        // Assert
        Assert.Equal(
            "Invalid kubernetes:rbac.authorization.k8s.io/v1:Role 'reader':" + Environment.NewLine
            + "  RoleArgs.Metadata.Name: must not be empty, '.' or '..', and must not contain '/' or '%' (was 'a/b')",
            error.Message);
    }

    [Fact]
    public async Task Constructor_SecretMetadata_NeverShowsItsValues()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(
            () => _ = new CoreV1.ConfigMap("c", new() { Metadata = Output.CreateSecret(new V1ObjectMeta { Name = "Top_Secret" }) })));

        // Assert
        Assert.EndsWith("ConfigMapArgs.Metadata.Name: must be a DNS-1123 subdomain: at most 253 characters of lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (was [secret])", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Top_Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_NoName_IsAcceptedForAutonaming()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new AppsV1.Deployment("web", new() { Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } } }));

        // Assert
        Assert.Equal("{\"labels\":{\"app\":\"web\"}}", WireJson.Write(result.RegistrationOf(AppsV1.Deployment.TypeToken, "web").Inputs["metadata"]));
    }
}
