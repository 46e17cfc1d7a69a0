using System.Text.Json.Nodes;
using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;
using KubernetesProvider = Infra.Kubernetes.Provider;

namespace Infra.Kubernetes.Tests.Typed;

/// <summary>The program of docs/packages/Infra.Kubernetes.md, run under mocks, so the documented API stays true.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task ReadmeProgram_UnderMocks_RegistersTheDocumentedResources()
    {
        // Arrange
        var options = new TestOptions { IsPreview = false, SecretConfig = { ["homelab:kubeconfig"] = "apiVersion: v1" } };

        // Act
        var result = await Deployment.TestAsync(TypedRun.EchoMocks().Object, options, () => Task.FromResult(Program()));

        // Assert
        Assert.Equal(
            [
                "kubernetes:apps/v1:Deployment web",
                "kubernetes:cert-manager.io/v1:ClusterIssuer letsencrypt",
                "kubernetes:core/v1:ConfigMap web-settings",
                "kubernetes:core/v1:Service web",
                "pulumi:providers:kubernetes homelab",
            ],
            result.Registrations.Where(r => r.Custom).Select(r => $"{r.Type} {r.Name}").Order(StringComparer.Ordinal));
        var provider = result.RegistrationOf("pulumi:providers:kubernetes", "homelab");
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("apiVersion: v1")), provider.Inputs["kubeconfig"]);
        Assert.Equal(PropertyValue.Create("true"), provider.Inputs["enableConfigMapMutable"]);
        var deployment = result.RegistrationOf(AppsV1.Deployment.TypeToken, "web");
        Assert.Contains("\"configMapRef\":{\"name\":\"web-settings\"}", WireJson.Write(deployment.Inputs["spec"]), StringComparison.Ordinal);
        Assert.Contains("\"memory\":\"128Mi\"", WireJson.Write(deployment.Inputs["spec"]), StringComparison.Ordinal);
        Assert.Equal([result.RegistrationOf(CoreV1.ConfigMap.TypeToken, "web-settings").Urn], deployment.PropertyDependencies["spec"]);
    }

    private static Dictionary<string, object?> Program()
    {
        var cluster = new KubernetesProvider("homelab", new ProviderArgs
        {
            KubeConfig = new Config("homelab").RequireSecret("kubeconfig"),
            Namespace = "apps",
            EnableConfigMapMutable = true,
        });
        var options = new CustomResourceOptions { Provider = cluster };

        var settings = new CoreV1.ConfigMap("web-settings", new()
        {
            Metadata = new V1ObjectMeta { Name = "web-settings" },
            Data = new() { ["greeting"] = "hello" },
        }, options);

        var labels = new Dictionary<string, string> { ["app"] = "web" };
        var web = new AppsV1.Deployment("web", new()
        {
            Spec = settings.Metadata.Apply(m => new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "web",
                                Image = "nginx:1.27",
                                EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = m.Name } }],
                                Resources = new V1ResourceRequirements
                                {
                                    Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("128Mi") },
                                },
                            },
                        ],
                    },
                },
            }),
        }, options);

        _ = new CoreV1.Service("web", new()
        {
            Spec = new V1ServiceSpec
            {
                Selector = labels,
                Ports = [new V1ServicePort { Port = 80, TargetPort = 80 }],
            },
        }, options);

        _ = new GenericResource("letsencrypt", new()
        {
            ApiVersion = "cert-manager.io/v1",
            Kind = "ClusterIssuer",
            Spec = JsonNode.Parse("""{"acme":{"server":"https://acme-v02.api.letsencrypt.org/directory"}}""")!,
            OtherFields = { ["description"] = "issuer" },
        }, new CustomResourceOptions { Provider = cluster, DependsOn = { settings } });

        return new Dictionary<string, object?> { ["deployment"] = web.Metadata.Apply(m => m.Name) };
    }
}
