using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderCheckTests
{
    private const string ConfigMap = "kubernetes:core/v1:ConfigMap";

    private static async Task<KubernetesProvider> RenderProviderAsync(params (string Key, string Value)[] extra)
    {
        var provider = new KubernetesProvider(TimeProvider.System, ProviderHarness.NoEnvironment);
        var config = ProviderHarness.Config([("renderYamlToDirectory", Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N"))), .. extra]);
        await provider.ConfigureAsync(new ConfigureRequest { Config = config }, TestContext.Current.CancellationToken);
        return provider;
    }

    private static Task<CheckResult> CheckAsync(KubernetesProvider provider, string type, string name, string json, ImmutableSortedDictionary<string, PropertyValue>? olds = null) =>
        provider.CheckAsync(new CheckRequest { Urn = ProviderHarness.Urn(type, name), Olds = olds ?? PropertyMaps.Empty, News = ProviderHarness.Inputs(json) }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Check_UnnamedObject_AutonamesStablyAndFillsIdentity()
    {
        // Arrange
        var provider = await RenderProviderAsync();

        // Act
        var first = await CheckAsync(provider, ConfigMap, "settings", """{"data":{"a":"1"}}""");
        var second = await CheckAsync(provider, ConfigMap, "settings", """{"data":{"a":"1"}}""");

        // Assert
        Assert.Empty(first.Failures);
        var name = KubernetesJson.AsString(KubernetesJson.At(first.Inputs, "metadata.name"))!;
        Assert.Matches("^settings-[0-9a-f]{8}$", name);
        Assert.Equal(name, KubernetesJson.AsString(KubernetesJson.At(second.Inputs, "metadata.name")));
        Assert.Equal("true", KubernetesJson.AsString(KubernetesJson.Member(KubernetesJson.At(first.Inputs, "metadata.annotations"), "pulumi.com/autonamed")));
        Assert.Equal("v1", KubernetesJson.AsString(first.Inputs["apiVersion"]));
        Assert.Equal("ConfigMap", KubernetesJson.AsString(first.Inputs["kind"]));
    }

    [Fact]
    public async Task Check_AutonamedObjectWithInPlaceChange_KeepsItsOldName()
    {
        // Arrange
        var provider = await RenderProviderAsync(("enableConfigMapMutable", "true"));
        var olds = (await CheckAsync(provider, ConfigMap, "settings", """{"data":{"a":"1"}}""")).Inputs;

        // Act
        var news = await CheckAsync(provider, ConfigMap, "settings", """{"data":{"a":"2"}}""", olds);

        // Assert
        Assert.Equal(KubernetesJson.At(olds, "metadata.name"), KubernetesJson.At(news.Inputs, "metadata.name"));
    }

    [Fact]
    public async Task Check_AutonamedObjectThatMustBeReplaced_GetsAFreshName()
    {
        // Arrange
        var provider = await RenderProviderAsync();
        var olds = (await CheckAsync(provider, ConfigMap, "settings", """{"data":{"a":"1"}}""")).Inputs;

        // Act
        var news = await CheckAsync(provider, ConfigMap, "settings", """{"data":{"a":"2"}}""", olds);

        // Assert
        var oldName = KubernetesJson.AsString(KubernetesJson.At(olds, "metadata.name"));
        var newName = KubernetesJson.AsString(KubernetesJson.At(news.Inputs, "metadata.name"));
        Assert.NotEqual(oldName, newName);
        Assert.Matches("^settings-[0-9a-f]{8}$", newName);
    }

    [Fact]
    public async Task Check_AutonamingDisabledAndNoName_FailsNamingTheField()
    {
        // Arrange
        var provider = await RenderProviderAsync(("disableAutonaming", "true"));

        // Act
        var result = await CheckAsync(provider, ConfigMap, "settings", """{"data":{}}""");

        // Assert
        var failure = Assert.Single(result.Failures);
        Assert.Equal("metadata.name", failure.Property);
        Assert.Equal("is required: autonaming is disabled (kubernetes:disableAutonaming), so every object must set metadata.name", failure.Reason);
    }

    [Fact]
    public async Task Check_ServiceNameStartingWithADigit_FailsTheRfc1035Rule()
    {
        // Arrange: '1web' is a valid DNS-1123 label (so a valid ConfigMap name) but not a valid Service name
        var provider = await RenderProviderAsync();
        const string json = """{"metadata":{"name":"1web"},"spec":{"ports":[{"port":80}]}}""";

        // Act
        var service = await CheckAsync(provider, "kubernetes:core/v1:Service", "web", json);
        var configMap = await CheckAsync(provider, "kubernetes:core/v1:ConfigMap", "web", """{"metadata":{"name":"1web"}}""");

        // Assert
        Assert.Equal(
            [new CheckFailure("metadata.name", "must be an RFC 1035 label: at most 63 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (was '1web')")],
            service.Failures);
        Assert.Empty(configMap.Failures);
    }

    [Fact]
    public async Task Check_InvalidNamesLabelsAndAnnotations_ReportsEveryProblem()
    {
        // Arrange
        var provider = await RenderProviderAsync();
        const string json = """
            {"metadata":{"name":"Web_1","namespace":"Apps",
              "labels":{"bad key!":"x","app":"-nope-"},
              "annotations":{"pulumi.com/timeoutSeconds":"soon","pulumi.com/skipAwait":"maybe","pulumi.com/deletionPropagationPolicy":"sideways"}},
             "spec":{"ports":[{"port":80}]}}
            """;

        // Act
        var result = await CheckAsync(provider, "kubernetes:core/v1:Service", "web", json);

        // Assert
        Assert.Equal(
            [
                new CheckFailure("metadata.name", "must be an RFC 1035 label: at most 63 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (was 'Web_1')"),
                new CheckFailure("metadata.namespace", "must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit (was 'Apps')"),
                new CheckFailure("metadata.labels[\"app\"]", "value must be empty or at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit (was '-nope-')"),
                new CheckFailure("metadata.labels[\"bad key!\"]", "key must be a qualified name: at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit, with an optional 'prefix/' (was 'bad key!')"),
                new CheckFailure("metadata.annotations[\"pulumi.com/deletionPropagationPolicy\"]", "must be one of foreground, background or orphan (was 'sideways')"),
                new CheckFailure("metadata.annotations[\"pulumi.com/skipAwait\"]", "must be \"true\" or \"false\" (was 'maybe')"),
                new CheckFailure("metadata.annotations[\"pulumi.com/timeoutSeconds\"]", "must be a positive whole number of seconds (was 'soon')"),
            ],
            result.Failures);
    }

    [Fact]
    public async Task Check_ApiVersionThatContradictsTheType_Fails()
    {
        // Arrange
        var provider = await RenderProviderAsync();

        // Act
        var result = await CheckAsync(provider, "kubernetes:apps/v1:Deployment", "app", """{"apiVersion":"apps/v1beta1","metadata":{"name":"app"}}""");

        // Assert
        Assert.Equal([new CheckFailure("apiVersion", "must be 'apps/v1' for type kubernetes:apps/v1:Deployment (was \"apps/v1beta1\")")], result.Failures);
    }

    [Fact]
    public async Task Check_NamespaceOnClusterScopedKind_Fails()
    {
        // Arrange
        var provider = await RenderProviderAsync();

        // Act
        var result = await CheckAsync(provider, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "reader", """{"metadata":{"name":"system:reader","namespace":"default"}}""");

        // Assert
        Assert.Equal([new CheckFailure("metadata.namespace", "must not be set: ClusterRole is cluster-scoped (was 'default')")], result.Failures);
    }

    [Fact]
    public async Task Check_SecretData_IsMarkedSecret()
    {
        // Arrange
        var provider = await RenderProviderAsync();

        // Act
        var result = await CheckAsync(provider, "kubernetes:core/v1:Secret", "creds", """{"metadata":{"name":"creds"},"stringData":{"password":"hunter2"}}""");

        // Assert
        Assert.Empty(result.Failures);
        Assert.Equal(PropertyValueKind.Secret, result.Inputs["stringData"].Kind);
    }

    [Fact]
    public async Task Check_SecretValueInRenderedConfigMap_FailsUnlessRenderSecrets()
    {
        // Arrange
        var strict = await RenderProviderAsync();
        var lenient = await RenderProviderAsync(("renderSecrets", "true"));
        var news = ProviderHarness.Inputs("""{"metadata":{"name":"cfg"}}""")
            .SetItem("data", PropertyValue.CreateObject([KeyValuePair.Create("token", PropertyValue.CreateSecret(PropertyValue.Create("s3cr3t")))]));
        var request = new CheckRequest { Urn = ProviderHarness.Urn(ConfigMap, "cfg"), Olds = PropertyMaps.Empty, News = news };

        // Act
        var refused = await strict.CheckAsync(request, TestContext.Current.CancellationToken);
        var allowed = await lenient.CheckAsync(request, TestContext.Current.CancellationToken);

        // Assert
        var failure = Assert.Single(refused.Failures);
        Assert.Equal("data", failure.Property);
        Assert.DoesNotContain("s3cr3t", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(allowed.Failures);
    }
}
