using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using BatchV1 = Infra.Kubernetes.Batch.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;
using KubernetesProviderResource = Infra.Kubernetes.Provider;
using NetworkingV1 = Infra.Kubernetes.Networking.V1;
using PolicyV1 = Infra.Kubernetes.Policy.V1;
using RbacV1 = Infra.Kubernetes.Rbac.V1;
using StorageV1 = Infra.Kubernetes.Storage.V1;

namespace Infra.Kubernetes.Tests.Typed;

/// <summary>
/// Where the program side meets the engine side: what the typed resources send is configured and checked
/// by the built-in kubernetes provider exactly as registered.
/// </summary>
public sealed class EngineWireTests
{
    private static void Program(string directory)
    {
        var cluster = new KubernetesProviderResource("render", new()
        {
            RenderYamlToDirectory = directory,
            Namespace = "apps",
            EnableServerSideApply = false,
            EnableConfigMapMutable = true,
            KubeClientSettings = new KubeClientSettingsArgs { Timeout = 5 },
        });
        var options = new CustomResourceOptions { Provider = cluster };
        var labels = new Dictionary<string, string> { ["app"] = "web" };
        var podSpec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }], RestartPolicy = "Never" };
        var roleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "view" };

        _ = new CoreV1.Namespace("apps", new() { Metadata = new V1ObjectMeta { Name = "apps" } }, options);
        _ = new CoreV1.ConfigMap("settings", new() { Data = new() { ["a"] = "1" } }, options);
        _ = new CoreV1.Secret("creds", new() { StringData = new() { ["password"] = "hunter2" } }, options);
        _ = new CoreV1.Service("web", new()
        {
            Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Port = 80, TargetPort = "http" }] },
        }, options);
        _ = new CoreV1.ServiceAccount("runner", null, options);
        _ = new CoreV1.PersistentVolumeClaim("data", new()
        {
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
            },
        }, options);
        _ = new AppsV1.Deployment("web", new()
        {
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = labels }, Spec = podSpec },
            },
        }, options);
        _ = new BatchV1.CronJob("backup", new()
        {
            Spec = new V1CronJobSpec
            {
                Schedule = "@daily",
                JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = podSpec } } },
            },
        }, options);
        _ = new NetworkingV1.NetworkPolicy("deny", new() { Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector() } }, options);
        _ = new RbacV1.ClusterRoleBinding("viewers", new() { RoleRef = roleRef }, options);
        _ = new StorageV1.StorageClass("local", new() { Provisioner = "rancher.io/local-path" }, options);
        _ = new PolicyV1.PodDisruptionBudget("web", new() { Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = 1, Selector = new V1LabelSelector { MatchLabels = labels } } }, options);
        _ = new GenericResource("issuer", new()
        {
            ApiVersion = "cert-manager.io/v1",
            Kind = "ClusterIssuer",
            Metadata = new V1ObjectMeta { Name = "letsencrypt" },
            Spec = new Dictionary<string, object> { ["selfSigned"] = new Dictionary<string, object>() },
        }, options);
    }

    [Fact]
    public async Task EngineProvider_TypedProgram_ConfiguresFromTheProviderInputsAndChecksEveryObjectWithoutFailures()
    {
        // Arrange
        var directory = Path.Combine(Path.GetTempPath(), "k8s-sdk-render-" + Guid.NewGuid().ToString("N"));
        var result = await TypedRun.RunAsync(() => Program(directory));
        using var provider = new KubernetesProvider(TimeProvider.System, _ => null);
        var providerInputs = result.RegistrationOf("pulumi:providers:kubernetes", "render").Inputs;
        var cancellationToken = TestContext.Current.CancellationToken;

        // Act
        await provider.ConfigureAsync(new ConfigureRequest { Config = providerInputs.Remove("version") }, cancellationToken);
        var checks = new List<(ResourceRegistration Registration, CheckResult Check)>();
        foreach (var registration in result.Registrations.Where(r => r.Custom && !r.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)))
        {
            var check = await provider.CheckAsync(
                new CheckRequest { Urn = registration.Urn, Olds = ImmutableSortedDictionary<string, PropertyValue>.Empty, News = registration.Inputs },
                cancellationToken);
            checks.Add((registration, check));
        }

        // Assert
        Assert.Equal(directory, provider.Configuration.RenderYamlToDirectory);
        Assert.Equal("apps", provider.Configuration.Namespace);
        Assert.False(provider.Configuration.EnableServerSideApply);
        Assert.True(provider.Configuration.EnableConfigMapMutable);
        Assert.Equal(TimeSpan.FromSeconds(5), provider.Configuration.RequestTimeout);
        Assert.Equal(13, checks.Count);
        foreach (var (registration, check) in checks)
        {
            Assert.True(check.Failures.IsEmpty, $"{registration.Type} '{registration.Name}': {string.Join("; ", check.Failures)}");
            Assert.Equal(registration.Inputs["apiVersion"], check.Inputs["apiVersion"]);
            Assert.Equal(registration.Inputs["kind"], check.Inputs["kind"]);
        }
    }
}
