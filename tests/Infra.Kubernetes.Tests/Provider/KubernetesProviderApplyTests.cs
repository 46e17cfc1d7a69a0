using System.Text.Json.Nodes;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;
using Infra.TestDoubles.Kubernetes;

namespace Infra.Kubernetes.Tests.Provider;

public sealed class KubernetesProviderApplyTests
{
    private const string Deployment = "kubernetes:apps/v1:Deployment";

    private static string DeploymentJson(int replicas, string extraAnnotations = "") =>
        "{\"metadata\":{\"name\":\"app\",\"namespace\":\"default\",\"annotations\":{\"team\":\"web\"" + extraAnnotations + "}}," +
        "\"spec\":{\"replicas\":" + replicas.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," +
        "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}}}";

    [Fact]
    public async Task Create_ConfigMap_ServerSideAppliesWithAStableFieldManager()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();

        // Act
        var applied = await harness.CreateAsync("kubernetes:core/v1:ConfigMap", "settings", """{"metadata":{"name":"settings"},"data":{"mode":"fast"}}""");

        // Assert
        Assert.Equal("default/settings", applied.Id);
        var patch = Assert.Single(harness.Server.Requests, r => r.Method == "PATCH");
        Assert.Equal("/api/v1/namespaces/default/configmaps/settings", patch.Path);
        Assert.Equal("application/apply-patch+yaml", patch.ContentType);
        var manager = "pulumi-kubernetes-" + KubernetesNames.ShortHash(applied.Urn);
        Assert.Equal($"?fieldManager={manager}", patch.Query);
        Assert.Equal(manager, KubernetesJson.AsString(applied.Outputs[KubernetesProvider.FieldManagerKey]));
        Assert.Null(KubernetesJson.At(applied.Outputs, "metadata.managedFields"));
        Assert.Equal("fast", applied.Output("data.mode"));
        Assert.NotNull(applied.Output("metadata.uid"));
        Assert.Contains(manager, harness.Server.Find("v1", "ConfigMap", "default", "settings")!.Managers.Keys);
    }

    [Fact]
    public async Task Create_Deployment_WaitsUntilReadyAndReportsProgress()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.WorkloadReadyAfterPolls = 3;
        var progress = new ProgressLog();

        // Act
        var applied = await harness.CreateAsync(Deployment, "app", DeploymentJson(3), progress);

        // Assert
        Assert.Equal(
            ["Waiting for Deployment app: 0/3 replicas ready", "Waiting for Deployment app: 1/3 replicas ready", "Waiting for Deployment app: 2/3 replicas ready"],
            progress.Messages);
        Assert.Equal(3, KubernetesJson.At(applied.Outputs, "status.readyReplicas")!.NumberValue);
    }

    [Fact]
    public async Task Create_SkipAwait_ReturnsWithoutPolling()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.WorkloadReadyAfterPolls = 1000;

        // Act
        var applied = await harness.CreateAsync(Deployment, "app", DeploymentJson(2, ",\"pulumi.com/skipAwait\":\"true\""));

        // Assert
        Assert.Equal(0, KubernetesJson.At(applied.Outputs, "status.readyReplicas")!.NumberValue);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Method == "GET" && r.Path.EndsWith("/deployments/app", StringComparison.Ordinal) && r.StatusCode == 200);
    }

    [Theory]
    [InlineData("kubernetes:apps/v1:StatefulSet", "statefulsets")]
    [InlineData("kubernetes:apps/v1:DaemonSet", "daemonsets")]
    public async Task Create_OtherWorkloads_WaitUntilReady(string type, string plural)
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var progress = new ProgressLog();
        var json = DeploymentJson(2).Replace("\"replicas\":2,", type.EndsWith("DaemonSet", StringComparison.Ordinal) ? string.Empty : "\"replicas\":2,\"serviceName\":\"app\",", StringComparison.Ordinal);

        // Act
        await harness.CreateAsync(type, "app", json, progress);

        // Assert
        Assert.NotEmpty(progress.Messages);
        Assert.Contains(harness.Server.Requests, r => r.Method == "GET" && r.Path == $"/apis/apps/v1/namespaces/default/{plural}/app" && r.StatusCode == 200);
    }

    [Fact]
    public async Task Create_JobThatCompletes_Succeeds()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var progress = new ProgressLog();

        // Act
        var applied = await harness.CreateAsync("kubernetes:batch/v1:Job", "migrate", """{"metadata":{"name":"migrate"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"m","image":"busybox"}]}}}}""", progress);

        // Assert
        Assert.Equal(["Waiting for Job migrate: not complete yet (0 succeeded, 1 active, 0 failed)"], progress.Messages);
        Assert.Equal(1, KubernetesJson.At(applied.Outputs, "status.succeeded")!.NumberValue);
    }

    [Fact]
    public async Task Create_JobThatFails_ThrowsWithTheReason()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.FailingJobs.Add("migrate");

        // Act
        var error = await Assert.ThrowsAsync<KubernetesAwaitException>(() => harness.CreateAsync(
            "kubernetes:batch/v1:Job", "migrate", """{"metadata":{"name":"migrate"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"m","image":"busybox"}]}}}}"""));

        // Assert
        Assert.StartsWith("Job default/migrate failed: the Job failed (BackoffLimitExceeded: Job has reached the specified backoff limit).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_LoadBalancerService_WaitsForIngress()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.LoadBalancerIngressAfterPolls = 2;
        var progress = new ProgressLog();

        // Act
        var applied = await harness.CreateAsync("kubernetes:core/v1:Service", "web", """{"metadata":{"name":"web"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""", progress);

        // Assert
        Assert.Equal(["Waiting for Service web: no load balancer ingress yet"], progress.Messages);
        Assert.Equal("192.0.2.10", KubernetesJson.AsString(KubernetesJson.Member(KubernetesJson.At(applied.Outputs, "status.loadBalancer.ingress")!.ArrayValue[0], "ip")));
        Assert.StartsWith("10.96.0.", applied.Output("spec.clusterIP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SelectorService_WaitsForReadyEndpoints()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.EndpointsReadyAfterPolls = 2;
        var progress = new ProgressLog();

        // Act
        await harness.CreateAsync("kubernetes:core/v1:Service", "web", """{"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}""", progress);

        // Assert
        Assert.Equal(["Waiting for Service web: no ready endpoints yet"], progress.Messages);
        Assert.Equal(2, harness.Server.Requests.Count(r => r.Path == "/api/v1/namespaces/default/endpoints/web"));
    }

    [Fact]
    public async Task Create_ObjectThatAlreadyExists_FailsUnlessUpsert()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        await harness.CreateAsync("kubernetes:core/v1:ConfigMap", "first", """{"metadata":{"name":"shared"},"data":{"a":"1"}}""");

        // Act
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            harness.CreateAsync("kubernetes:core/v1:ConfigMap", "second", """{"metadata":{"name":"shared"},"data":{"a":"2"}}"""));

        // Assert
        Assert.Equal(
            $"ConfigMap default/shared already exists in the cluster at {harness.Server.BaseAddress.ToString().TrimEnd('/')}. Import it (import ID 'default/shared'), delete it, or set kubernetes:upsertExistingObjects to true to adopt it.",
            error.Message);
        Assert.Equal("1", KubernetesJsonPath.Get(harness.Server.GetObject("v1", "ConfigMap", "default", "shared"), "data", "a"));
    }

    [Fact]
    public async Task Update_FieldOwnedByAnotherManager_FailsNamingTheManagerAndPatchForce()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.WorkloadReadyAfterPolls = 0;
        var applied = await harness.CreateAsync(Deployment, "app", DeploymentJson(3));
        harness.Server.MergePatchAs("kubectl-edit", "apps/v1", "Deployment", "default", "app", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } });

        // Act
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => harness.UpdateAsync(applied, DeploymentJson(3, ",\"owner\":\"me\"")));

        // Assert
        Assert.Equal(409, error.StatusCode);
        Assert.Equal(
            "Server-side apply of Deployment default/app conflicts with field manager \"kubectl-edit\", which owns .spec.replicas with a different value. " +
            "Another tool or controller manages these fields. To take them over, set the annotation pulumi.com/patchForce: \"true\" on the object " +
            "(or kubernetes:enablePatchForce to true for the whole stack); or change the program to agree with that manager.",
            error.Message);
        Assert.Equal(5, KubernetesJsonPath.GetInt(harness.Server.GetObject("apps/v1", "Deployment", "default", "app"), "spec", "replicas"));
    }

    [Fact]
    public async Task Update_PatchForceAnnotation_TakesTheFieldOver()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.WorkloadReadyAfterPolls = 0;
        var applied = await harness.CreateAsync(Deployment, "app", DeploymentJson(3));
        harness.Server.MergePatchAs("kubectl-edit", "apps/v1", "Deployment", "default", "app", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } });

        // Act
        var updated = await harness.UpdateAsync(applied, DeploymentJson(3, ",\"pulumi.com/patchForce\":\"true\""));

        // Assert
        Assert.Equal(3, KubernetesJson.At(updated.Outputs, "spec.replicas")!.NumberValue);
        Assert.EndsWith("&force=true", harness.Server.Requests.Last(r => r.Method == "PATCH").Query, StringComparison.Ordinal);
        Assert.DoesNotContain("kubectl-edit", harness.Server.Find("apps/v1", "Deployment", "default", "app")!.Managers.Keys);
    }

    [Fact]
    public async Task Update_PatchFieldManagerAnnotation_IsTheManagerOnTheWire()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();

        // Act
        var applied = await harness.CreateAsync("kubernetes:core/v1:ConfigMap", "cfg", """{"metadata":{"name":"cfg","annotations":{"pulumi.com/patchFieldManager":"gitops-bridge"}},"data":{"a":"1"}}""");

        // Assert
        Assert.Equal("?fieldManager=gitops-bridge", harness.Server.Requests.Single(r => r.Method == "PATCH").Query);
        Assert.Equal("gitops-bridge", KubernetesJson.AsString(applied.Outputs[KubernetesProvider.FieldManagerKey]));
    }

    [Fact]
    public async Task Update_FieldDroppedFromTheProgram_IsRemovedFromTheLiveObject()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync(ProviderHarness.Config(("enableConfigMapMutable", "true")));
        var applied = await harness.CreateAsync("kubernetes:core/v1:ConfigMap", "cfg", """{"metadata":{"name":"cfg","labels":{"tier":"a","old":"x"}},"data":{"a":"1"}}""");

        // Act
        var updated = await harness.UpdateAsync(applied, """{"metadata":{"name":"cfg","labels":{"tier":"a"}},"data":{"a":"2"}}""");

        // Assert
        Assert.Null(KubernetesJson.At(updated.Outputs, "metadata.labels.old"));
        Assert.Equal("2", updated.Output("data.a"));
        Assert.Equal(applied.Output("metadata.uid"), updated.Output("metadata.uid"));
    }

    [Fact]
    public async Task Create_InvalidNameThatSkippedCheck_IsRejectedByTheServerWithAClearError()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        var urn = ProviderHarness.Urn("kubernetes:core/v1:ConfigMap", "bad");
        var inputs = ProviderHarness.Inputs("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}""");

        // Act
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            harness.Provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = inputs }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(422, error.StatusCode);
        Assert.StartsWith("The API server rejected ConfigMap default/Bad_Name as invalid: ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ReadinessTimeout_NamesTheKnobs()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();
        harness.Server.WorkloadReadyAfterPolls = int.MaxValue;

        // Act
        var error = await Assert.ThrowsAsync<KubernetesAwaitException>(() =>
            harness.CreateAsync(Deployment, "app", DeploymentJson(2), timeout: TimeSpan.FromMilliseconds(30)));

        // Assert
        Assert.Equal(
            "Timed out after 0 s waiting for Deployment default/app to become ready (0/2 replicas ready). The object was applied; raise the annotation pulumi.com/timeoutSeconds or customTimeouts, or set pulumi.com/skipAwait: \"true\" to not wait.",
            error.Message);
    }

    [Fact]
    public async Task Create_TimeoutSecondsAnnotation_IsUsedWithTheInjectedClock()
    {
        // Arrange
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var harness = await ProviderHarness.StartAsync(timeProvider: time, pollInterval: TimeSpan.FromSeconds(1));
        harness.Server.WorkloadReadyAfterPolls = int.MaxValue;
        var create = harness.CreateAsync(Deployment, "app", DeploymentJson(1, ",\"pulumi.com/timeoutSeconds\":\"5\""));

        // Act
        while (!create.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(create, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, TestContext.Current.CancellationToken));
        }

        // Assert
        var error = await Assert.ThrowsAsync<KubernetesAwaitException>(() => create);
        Assert.StartsWith("Timed out after 5 s waiting for Deployment default/app to become ready (0/1 replicas ready).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAndUpdate_ClientSideApply_PostsThenPutsWithResourceVersion()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync(ProviderHarness.Config(("enableServerSideApply", "false"), ("enableConfigMapMutable", "true")));
        var applied = await harness.CreateAsync("kubernetes:core/v1:ConfigMap", "cfg", """{"metadata":{"name":"cfg"},"data":{"a":"1"}}""");
        harness.Server.MergePatchAs("someone", "v1", "ConfigMap", "default", "cfg", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["x"] = "y" } } });

        // Act
        var updated = await harness.UpdateAsync(applied, """{"metadata":{"name":"cfg"},"data":{"a":"2"}}""");

        // Assert
        Assert.Equal(["POST", "GET", "PUT"], harness.Server.Requests.Where(r => r.Path.Contains("/configmaps", StringComparison.Ordinal)).Select(r => r.Method));
        Assert.Equal("pulumi", KubernetesJson.AsString(KubernetesJson.Member(KubernetesJson.At(updated.Outputs, "metadata.labels"), "app.kubernetes.io/managed-by")));
        Assert.Equal("2", updated.Output("data.a"));
        Assert.Equal("pulumi-kubernetes", KubernetesJson.AsString(updated.Outputs[KubernetesProvider.FieldManagerKey]));
    }

    [Fact]
    public async Task Create_SecretOutputs_AreSecret()
    {
        // Arrange
        await using var harness = await ProviderHarness.StartAsync();

        // Act
        var applied = await harness.CreateAsync("kubernetes:core/v1:Secret", "creds", """{"metadata":{"name":"creds"},"stringData":{"password":"hunter2"}}""");

        // Assert
        Assert.Equal(PropertyValueKind.Secret, applied.Outputs["data"].Kind);
        Assert.Equal("aHVudGVyMg==", KubernetesJson.AsString(KubernetesJson.Member(applied.Outputs["data"], "password")));
    }
}
