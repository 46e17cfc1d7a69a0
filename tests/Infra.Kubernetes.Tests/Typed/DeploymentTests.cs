using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using Moq;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class DeploymentTests
{
    private static V1DeploymentSpec WebSpec() => new()
    {
        Replicas = 2,
        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
        Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = 1 },
        },
        Template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = "web",
                        Image = "nginx:1.27",
                        Ports = [new V1ContainerPort { ContainerPort = 80, Name = "http" }],
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("500Mi") },
                        },
                        ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = "http" } },
                    },
                ],
            },
        },
    };

    [Fact]
    public async Task Constructor_ModelSpec_SendsKubernetesJsonWithIntOrStringAndQuantitiesAndNoNulls()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new AppsV1.Deployment("web", new() { Spec = WebSpec() }));

        // Assert
        var inputs = result.RegistrationOf(AppsV1.Deployment.TypeToken, "web").Inputs;
        Assert.Equal(["apiVersion", "kind", "spec"], inputs.Keys);
        Assert.Equal(
            "{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
            + "\"strategy\":{\"rollingUpdate\":{\"maxSurge\":\"25%\",\"maxUnavailable\":1},\"type\":\"RollingUpdate\"},"
            + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"image\":\"nginx:1.27\",\"name\":\"web\","
            + "\"ports\":[{\"containerPort\":80,\"name\":\"http\"}],"
            + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":\"http\"}},"
            + "\"resources\":{\"requests\":{\"cpu\":\"250m\",\"memory\":\"500Mi\"}}}]}}}",
            WireJson.Write(inputs["spec"]));
    }

    [Fact]
    public async Task Outputs_EchoedSpec_ReadBackIntoModelsWithIntOrStringAndQuantities()
    {
        // Arrange
        AppsV1.Deployment? deployment = null;

        // Act
        await TypedRun.RunAsync(() => deployment = new AppsV1.Deployment("web", new() { Spec = WebSpec() }));

        // Assert
        var spec = await deployment!.Spec.GetValueAsync();
        Assert.NotNull(spec);
        Assert.Equal(2, spec.Replicas);
        Assert.Equal("25%", spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal(1, spec.Strategy.RollingUpdate.MaxUnavailable.ToInt());
        var container = Assert.Single(spec.Template.Spec.Containers);
        Assert.Equal("500Mi", container.Resources.Requests["memory"].ToString());
        Assert.Equal("http", container.ReadinessProbe.HttpGet.Port.Value);
        Assert.Null(await deployment.Status.GetValueAsync());
    }

    [Fact]
    public async Task Constructor_Always_AddsTheOldApiGroupAliasesAndKeepsTheUsersOptions()
    {
        // Arrange
        var options = new CustomResourceOptions { Protect = true, IgnoreChanges = ["spec.replicas"] };

        // Act
        var result = await TypedRun.RunAsync(() => _ = new AppsV1.Deployment("web", new() { Spec = WebSpec() }, options));

        // Assert
        var registration = result.RegistrationOf(AppsV1.Deployment.TypeToken, "web");
        Assert.Equal(
            [
                "name=,type=kubernetes:apps/v1beta1:Deployment,stack=,project=,parent=",
                "name=,type=kubernetes:apps/v1beta2:Deployment,stack=,project=,parent=",
                "name=,type=kubernetes:extensions/v1beta1:Deployment,stack=,project=,parent=",
            ],
            registration.Options.Aliases.Select(a => a.Replace("urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack", string.Empty, StringComparison.Ordinal)));
        Assert.True(registration.Options.Protect);
        Assert.Equal(["spec.replicas"], registration.Options.IgnoreChanges);
        Assert.Empty(options.Aliases);
    }

    [Fact]
    public async Task Constructor_ValuesFromOtherResources_FlowThroughWithDependencies()
    {
        // Arrange
        CoreV1.Namespace? ns = null;
        CoreV1.ConfigMap? config = null;

        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            ns = new CoreV1.Namespace("apps", new() { Metadata = new V1ObjectMeta { Name = "apps" } });
            config = new CoreV1.ConfigMap("settings", new()
            {
                Metadata = ns.Metadata.Apply(m => new V1ObjectMeta { Name = "settings", NamespaceProperty = m.Name }),
                Data = new() { ["image"] = "nginx:1.27" },
            });
            _ = new AppsV1.Deployment("web", new()
            {
                Metadata = ns.Metadata.Apply(m => new V1ObjectMeta { NamespaceProperty = m.Name }),
                Spec = Output.Tuple(config.Metadata, config.Data).Apply(t => new V1DeploymentSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { ["config"] = t.Item1.Name } },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = t.Item2["image"] }] },
                    },
                }),
            });
        });

        // Assert
        var registration = result.RegistrationOf(AppsV1.Deployment.TypeToken, "web");
        var nsUrn = await ns!.Urn.GetValueAsync();
        var configUrn = await config!.Urn.GetValueAsync();
        Assert.Equal("{\"namespace\":\"apps\"}", WireJson.Write(registration.Inputs["metadata"]));
        Assert.Contains("\"image\":\"nginx:1.27\"", WireJson.Write(registration.Inputs["spec"]), StringComparison.Ordinal);
        Assert.Contains("\"annotations\":{\"config\":\"settings\"}", WireJson.Write(registration.Inputs["spec"]), StringComparison.Ordinal);
        Assert.Equal([nsUrn], registration.PropertyDependencies["metadata"]);
        Assert.Equal([configUrn], registration.PropertyDependencies["spec"]);
        Assert.Equal(new[] { nsUrn, configUrn }.Order(StringComparer.Ordinal), registration.Dependencies);
    }

    [Fact]
    public async Task Constructor_UnknownInputsDuringPreview_SendsUnknownsAndSkipsValidation()
    {
        // Arrange: mocks that return no outputs, so every output is unknown in preview
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) => ((string?)null, (object)new Dictionary<string, object>()));

        // Act
        var result = await TypedRun.RunAsync(
            mocks,
            () =>
            {
                var ns = new CoreV1.Namespace("apps");
                _ = new AppsV1.Deployment("web", new() { Metadata = ns.Metadata.Apply(m => new V1ObjectMeta { Name = "Not_Valid", NamespaceProperty = m.Name }) });
            },
            preview: true);

        // Assert
        var registration = result.RegistrationOf(AppsV1.Deployment.TypeToken, "web");
        Assert.Equal(PropertyValueKind.Unknown, registration.Inputs["metadata"].Kind);
        Assert.Equal(PropertyValue.Create("Deployment"), registration.Inputs["kind"]);
    }

    [Fact]
    public async Task Constructor_OptionsVersion_OverridesThePinnedVersion()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new AppsV1.Deployment("web", null, new CustomResourceOptions { Version = "4.32.0" }));

        // Assert
        Assert.Equal("4.32.0", result.RegistrationOf(AppsV1.Deployment.TypeToken, "web").Options.Version);
        Assert.Equal("4.18.0", KubernetesPackage.Version);
    }
}
