using Infra.Testing;
using k8s.Models;
using RbacV1 = Infra.Kubernetes.Rbac.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class RbacTests
{
    [Fact]
    public async Task Constructor_RoleAndBinding_SendRulesRoleRefAndSubjects()
    {
        // Arrange
        RbacV1.RoleBinding? binding = null;

        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            var role = new RbacV1.Role("reader", new()
            {
                Metadata = new V1ObjectMeta { NamespaceProperty = "apps" },
                Rules = new[] { new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["get", "list"] } },
            });
            binding = new RbacV1.RoleBinding("reader", new()
            {
                Metadata = new V1ObjectMeta { NamespaceProperty = "apps" },
                RoleRef = role.Metadata.Apply(m => new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = m.Name ?? "reader" }),
                Subjects = new[] { new Rbacv1Subject { Kind = "ServiceAccount", Name = "web", NamespaceProperty = "apps" } },
            });
        });

        // Assert
        var roleInputs = result.RegistrationOf(RbacV1.Role.TypeToken, "reader").Inputs;
        Assert.Equal("[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"list\"]}]", WireJson.Write(roleInputs["rules"]));
        var bindingInputs = result.RegistrationOf(RbacV1.RoleBinding.TypeToken, "reader").Inputs;
        Assert.Equal("{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"reader\"}", WireJson.Write(bindingInputs["roleRef"]));
        Assert.Equal("[{\"kind\":\"ServiceAccount\",\"name\":\"web\",\"namespace\":\"apps\"}]", WireJson.Write(bindingInputs["subjects"]));
        var subject = Assert.Single(await binding!.Subjects.GetValueAsync());
        Assert.Equal("web", subject.Name);
        Assert.Equal("Role", (await binding.RoleRef.GetValueAsync())!.Kind);
    }

    [Fact]
    public async Task Constructor_ClusterRoleBindingToRole_ThrowsListingRoleRefProblems()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(() => _ = new RbacV1.ClusterRoleBinding("admins", new()
        {
            RoleRef = new V1RoleRef { ApiGroup = "rbac", Kind = "Role", Name = "" },
        })));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "Invalid kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding 'admins':" + nl
            + "  ClusterRoleBindingArgs.RoleRef.ApiGroup: must be 'rbac.authorization.k8s.io' (was 'rbac')" + nl
            + "  ClusterRoleBindingArgs.RoleRef.Kind: must be 'ClusterRole' (was 'Role')" + nl
            + "  ClusterRoleBindingArgs.RoleRef.Name: must not be empty (was '')",
            error.Message);
    }

    [Fact]
    public async Task Constructor_ClusterRoleAggregation_SendsAggregationRule()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new RbacV1.ClusterRole("monitoring", new()
        {
            AggregationRule = new V1AggregationRule
            {
                ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["rbac.example.com/aggregate-to-monitoring"] = "true" } }],
            },
        }));

        // Assert
        Assert.Equal(
            "{\"clusterRoleSelectors\":[{\"matchLabels\":{\"rbac.example.com/aggregate-to-monitoring\":\"true\"}}]}",
            WireJson.Write(result.RegistrationOf(RbacV1.ClusterRole.TypeToken, "monitoring").Inputs["aggregationRule"]));
    }
}
