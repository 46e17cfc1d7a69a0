using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using BatchV1 = Infra.Kubernetes.Batch.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;
using NetworkingV1 = Infra.Kubernetes.Networking.V1;
using PolicyV1 = Infra.Kubernetes.Policy.V1;
using RbacV1 = Infra.Kubernetes.Rbac.V1;
using StorageV1 = Infra.Kubernetes.Storage.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class KindsTests
{
    private static readonly V1ObjectMeta Meta = new() { Name = "thing" };

    private static readonly V1RoleRef ClusterRoleRef = new() { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "view" };

    /// <summary>Every kind of provider-schemas.md §1.1 (plus Pod): how to make one, its token, apiVersion and kind.</summary>
    public static TheoryData<string, string, string> Kinds => new()
    {
        { "kubernetes:core/v1:Namespace", "v1", "Namespace" },
        { "kubernetes:core/v1:ConfigMap", "v1", "ConfigMap" },
        { "kubernetes:core/v1:Secret", "v1", "Secret" },
        { "kubernetes:core/v1:Service", "v1", "Service" },
        { "kubernetes:core/v1:ServiceAccount", "v1", "ServiceAccount" },
        { "kubernetes:core/v1:PersistentVolumeClaim", "v1", "PersistentVolumeClaim" },
        { "kubernetes:core/v1:Pod", "v1", "Pod" },
        { "kubernetes:apps/v1:Deployment", "apps/v1", "Deployment" },
        { "kubernetes:apps/v1:DaemonSet", "apps/v1", "DaemonSet" },
        { "kubernetes:apps/v1:StatefulSet", "apps/v1", "StatefulSet" },
        { "kubernetes:batch/v1:Job", "batch/v1", "Job" },
        { "kubernetes:batch/v1:CronJob", "batch/v1", "CronJob" },
        { "kubernetes:networking.k8s.io/v1:Ingress", "networking.k8s.io/v1", "Ingress" },
        { "kubernetes:networking.k8s.io/v1:IngressClass", "networking.k8s.io/v1", "IngressClass" },
        { "kubernetes:networking.k8s.io/v1:NetworkPolicy", "networking.k8s.io/v1", "NetworkPolicy" },
        { "kubernetes:rbac.authorization.k8s.io/v1:Role", "rbac.authorization.k8s.io/v1", "Role" },
        { "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "rbac.authorization.k8s.io/v1", "ClusterRole" },
        { "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "rbac.authorization.k8s.io/v1", "RoleBinding" },
        { "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "rbac.authorization.k8s.io/v1", "ClusterRoleBinding" },
        { "kubernetes:storage.k8s.io/v1:StorageClass", "storage.k8s.io/v1", "StorageClass" },
        { "kubernetes:policy/v1:PodDisruptionBudget", "policy/v1", "PodDisruptionBudget" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Constructor_EveryKind_SendsTokenApiVersionKindMetadataAndPinnedVersion(string token, string apiVersion, string kind)
    {
        // Arrange
        KubernetesResource? resource = null;

        // Act
        var result = await TypedRun.RunAsync(() => resource = Create(kind));

        // Assert
        Assert.NotNull(resource);
        Assert.Equal(token, resource.GetResourceType());
        Assert.Equal(token, TypeTokenConstant(resource));
        var registration = result.RegistrationOf(token, "thing");
        Assert.True(registration.Custom);
        Assert.Equal(PropertyValue.Create(apiVersion), registration.Inputs["apiVersion"]);
        Assert.Equal(PropertyValue.Create(kind), registration.Inputs["kind"]);
        Assert.Equal("{\"name\":\"thing\"}", WireJson.Write(registration.Inputs["metadata"]));
        Assert.Equal("4.18.0", registration.Options.Version);
        Assert.Equal(token, GenericResource.TypeTokenOf(apiVersion, kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Outputs_EveryKind_ResolveApiVersionKindAndMetadata(string token, string apiVersion, string kind)
    {
        // Arrange
        KubernetesResource? resource = null;

        // Act
        await TypedRun.RunAsync(() => resource = Create(kind));

        // Assert
        Assert.NotNull(resource);
        Assert.Equal(apiVersion, await resource.ApiVersion.GetValueAsync());
        Assert.Equal(kind, await resource.Kind.GetValueAsync());
        Assert.Equal("thing", (await resource.Metadata.GetValueAsync()).Name);
        Assert.Equal("thing-id", await resource.Id.GetValueAsync());
        Assert.StartsWith($"urn:pulumi:stack::project::{token}::thing", await resource.Urn.GetValueAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Kinds_CoverEveryPublicKubernetesResourceType()
    {
        // Arrange
        var covered = Kinds.Select(row => row.Data.Item3).ToHashSet(StringComparer.Ordinal);

        // Act
        var kinds = typeof(KubernetesResource).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(KubernetesResource)) && t != typeof(GenericResource))
            .Select(t => t.Name)
            .ToList();

        // Assert
        Assert.Equal(21, kinds.Count);
        Assert.All(kinds, k => Assert.Contains(k, covered));
    }

    private static string TypeTokenConstant(KubernetesResource resource) =>
        (string)resource.GetType().GetField("TypeToken")!.GetValue(null)!;

    private static KubernetesResource Create(string kind) => kind switch
    {
        "Namespace" => new CoreV1.Namespace("thing", new() { Metadata = Meta }),
        "ConfigMap" => new CoreV1.ConfigMap("thing", new() { Metadata = Meta }),
        "Secret" => new CoreV1.Secret("thing", new() { Metadata = Meta }),
        "Service" => new CoreV1.Service("thing", new() { Metadata = Meta }),
        "ServiceAccount" => new CoreV1.ServiceAccount("thing", new() { Metadata = Meta }),
        "PersistentVolumeClaim" => new CoreV1.PersistentVolumeClaim("thing", new() { Metadata = Meta }),
        "Pod" => new CoreV1.Pod("thing", new() { Metadata = Meta }),
        "Deployment" => new AppsV1.Deployment("thing", new() { Metadata = Meta }),
        "DaemonSet" => new AppsV1.DaemonSet("thing", new() { Metadata = Meta }),
        "StatefulSet" => new AppsV1.StatefulSet("thing", new() { Metadata = Meta }),
        "Job" => new BatchV1.Job("thing", new() { Metadata = Meta }),
        "CronJob" => new BatchV1.CronJob("thing", new() { Metadata = Meta, Spec = new V1CronJobSpec { Schedule = "@daily" } }),
        "Ingress" => new NetworkingV1.Ingress("thing", new() { Metadata = Meta }),
        "IngressClass" => new NetworkingV1.IngressClass("thing", new() { Metadata = Meta }),
        "NetworkPolicy" => new NetworkingV1.NetworkPolicy("thing", new() { Metadata = Meta }),
        "Role" => new RbacV1.Role("thing", new() { Metadata = Meta }),
        "ClusterRole" => new RbacV1.ClusterRole("thing", new() { Metadata = Meta }),
        "RoleBinding" => new RbacV1.RoleBinding("thing", new() { Metadata = Meta, RoleRef = ClusterRoleRef }),
        "ClusterRoleBinding" => new RbacV1.ClusterRoleBinding("thing", new() { Metadata = Meta, RoleRef = ClusterRoleRef }),
        "StorageClass" => new StorageV1.StorageClass("thing", new() { Metadata = Meta, Provisioner = "rancher.io/local-path" }),
        "PodDisruptionBudget" => new PolicyV1.PodDisruptionBudget("thing", new() { Metadata = Meta }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of this test"),
    };
}
