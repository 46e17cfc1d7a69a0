using System.Net;
using System.Net.Sockets;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderDeleteReadTests
{
    private const string ConfigMap = "kubernetes:core/v1:ConfigMap";

    private static DeleteRequest DeleteOf(Applied applied, IProgress<string>? progress = null) =>
        new() { Urn = applied.Urn, Id = applied.Id, Inputs = applied.Inputs, Outputs = applied.Outputs, Progress = progress };

    private static ReadRequest ReadOf(Applied applied) =>
        new() { Urn = applied.Urn, Id = applied.Id, Inputs = applied.Inputs, State = applied.Outputs };

    [Fact]
    public async Task Delete_Default_UsesForegroundPropagationAndWaitsUntilGone()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.ForegroundDeletionPolls = 2;
        var applied = await harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""");
        var progress = new ProgressLog();

        // Act
        await harness.Provider.DeleteAsync(DeleteOf(applied, progress), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(harness.Server.GetObject("v1", "ConfigMap", "default", "cfg"));
        Assert.Equal(["Waiting for ConfigMap default/cfg to be deleted (propagationPolicy Foreground)"], progress.Messages.Distinct().ToList());
        Assert.Equal(404, harness.Server.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task Delete_PropagationAnnotation_IsSentAndNeedsNoWaiting()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var applied = await harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg","annotations":{"pulumi.com/deletionPropagationPolicy":"background"}}}""");
        var progress = new ProgressLog();

        // Act
        await harness.Provider.DeleteAsync(DeleteOf(applied, progress), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(progress.Messages);
        Assert.Null(harness.Server.GetObject("v1", "ConfigMap", "default", "cfg"));
    }

    [Fact]
    public async Task Delete_AlreadyGone_Succeeds()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var applied = await harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"}}""");
        await harness.Provider.DeleteAsync(DeleteOf(applied), TestContext.Current.CancellationToken);

        // Act
        await harness.Provider.DeleteAsync(DeleteOf(applied), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(404, harness.Server.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task Read_ExistingObject_ReturnsTheLiveObjectAndDrift()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var applied = await harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""");
        harness.Server.MergePatchAs("kubectl-edit", "v1", "ConfigMap", "default", "cfg", new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject { ["a"] = "drifted" } });

        // Act
        var read = await harness.Provider.ReadAsync(ReadOf(applied), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("default/cfg", read.Id);
        Assert.Equal("drifted", KubernetesJson.AsString(KubernetesJson.At(read.Outputs!, "data.a")));
        Assert.Equal(applied.Inputs, read.Inputs);
    }

    [Fact]
    public async Task Read_ImportById_DerivesInputsFromTheLiveObject()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        await harness.CreateAsync("kubernetes:core/v1:Secret", "creds", """{"metadata":{"name":"creds","labels":{"app":"db"}},"stringData":{"password":"hunter2"}}""");
        var urn = ProviderHarness.Urn("kubernetes:core/v1:Secret", "imported");

        // Act
        var read = await harness.Provider.ReadAsync(new ReadRequest { Urn = urn, Id = "default/creds" }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("db", KubernetesJson.AsString(KubernetesJson.At(read.Inputs, "metadata.labels.app")));
        Assert.Null(KubernetesJson.At(read.Inputs, "metadata.uid"));
        Assert.False(read.Inputs.ContainsKey("status"));
        Assert.Equal(PropertyValueKind.Secret, read.Inputs["data"].Kind);
        Assert.NotNull(KubernetesJson.At(read.Outputs!, "metadata.uid"));
    }

    [Fact]
    public async Task Read_DeletedObject_IsGone()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var applied = await harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"}}""");
        await harness.Provider.DeleteAsync(DeleteOf(applied), TestContext.Current.CancellationToken);

        // Act
        var read = await harness.Provider.ReadAsync(ReadOf(applied), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(read.Outputs);
    }

    [Fact]
    public async Task Create_ClusterRefusingConnections_IsAnUnreachableErrorNamingTheServer()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.RefuseConnections = true;

        // Act
        var error = await Assert.ThrowsAsync<KubernetesUnreachableException>(() => harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"}}"""));

        // Assert
        var server = harness.Server.BaseAddress.ToString().TrimEnd('/');
        Assert.StartsWith($"Could not create ConfigMap cfg: Cannot reach the Kubernetes API server at {server} (context 'double')", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check that the cluster is running and that the kubeconfig's server address is right.", error.Message, StringComparison.Ordinal);
        Assert.Equal(server, error.Server);
    }

    [Fact]
    public async Task Delete_ClusterGone_SuggestsDeleteUnreachable()
    {
        // Arrange
        var (provider, applied, server) = await ProviderAgainstClosedPortAsync(deleteUnreachable: false);

        // Act
        var error = await Assert.ThrowsAsync<KubernetesUnreachableException>(() => provider.DeleteAsync(DeleteOf(applied), TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(
            $"Could not delete ConfigMap default/cfg: Cannot reach the Kubernetes API server at {server} (context 'double'): connection refused. " +
            "If the cluster is gone for good, set kubernetes:deleteUnreachable to true (or PULUMI_K8S_DELETE_UNREACHABLE=true) to remove its objects from the state without contacting it.",
            error.Message);
    }

    [Fact]
    public async Task DeleteAndRead_ClusterGoneWithDeleteUnreachable_SucceedAndReportIt()
    {
        // Arrange
        var (provider, applied, _) = await ProviderAgainstClosedPortAsync(deleteUnreachable: true);
        var progress = new ProgressLog();

        // Act
        await provider.DeleteAsync(DeleteOf(applied, progress), TestContext.Current.CancellationToken);
        var read = await provider.ReadAsync(ReadOf(applied), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(read.Outputs);
        Assert.Contains("(deleteUnreachable)", Assert.Single(progress.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SlowServer_TimesOutAsUnreachable()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync(ProviderHarness.Config(("kubeClientSettings", "{\"timeout\":0.2}")));
        harness.Server.ResponseDelay = TimeSpan.FromSeconds(3);

        // Act
        var error = await Assert.ThrowsAsync<KubernetesUnreachableException>(() => harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"}}"""));

        // Assert
        Assert.Contains("did not answer within 0.2 s (kubeClientSettings.timeout)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ServerError_IsReportedWithStatus()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.FailNext(1, 503);

        // Act
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => harness.CreateAsync(ConfigMap, "cfg", """{"metadata":{"name":"cfg"}}"""));

        // Assert
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("(HTTP 503 ServiceUnavailable)", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(KubernetesProvider Provider, Applied Applied, string Server)> ProviderAgainstClosedPortAsync(bool deleteUnreachable)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        var server = $"http://127.0.0.1:{port}";
        await using var double_ = new Infra.TestDoubles.Kubernetes.KubernetesApiServerDouble();
        var kubeconfig = double_.KubeConfig().Replace("http://127.0.0.1:0", server, StringComparison.Ordinal);
        var provider = new KubernetesProvider(TimeProvider.System, ProviderHarness.NoEnvironment, TimeSpan.FromMilliseconds(5));
        await provider.ConfigureAsync(
            new ConfigureRequest { Config = ProviderHarness.Config(("kubeconfig", kubeconfig), ("deleteUnreachable", deleteUnreachable ? "true" : "false")) },
            TestContext.Current.CancellationToken);
        var urn = ProviderHarness.Urn(ConfigMap, "cfg");
        var inputs = await ProviderHarness.CheckAsync(provider, urn, ProviderHarness.Inputs("""{"metadata":{"name":"cfg"}}"""));
        var outputs = inputs.SetItem("status", PropertyValue.Null);
        return (provider, new Applied(urn, "default/cfg", inputs, outputs), server);
    }
}
