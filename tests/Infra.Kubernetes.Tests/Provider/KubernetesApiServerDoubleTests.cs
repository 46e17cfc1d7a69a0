using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Infra.TestDoubles.Kubernetes;

namespace Infra.Kubernetes.Tests.Provider;

/// <summary>The double rejects what the real API server rejects.</summary>
public sealed class KubernetesApiServerDoubleTests : IAsyncLifetime
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private readonly KubernetesApiServerDouble _server = new();
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await _server.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    private static string ConfigMap(string name, string value) =>
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME"},"data":{"k":"VALUE"}}""".Replace("NAME", name, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);

    [Fact]
    public async Task Request_WithoutToken_IsUnauthorized()
    {
        // Arrange
        _http.DefaultRequestHeaders.Authorization = null;

        // Act
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/v1");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", (string?)body["reason"]);
    }

    [Fact]
    public async Task Apply_WithoutFieldManager_IsABadRequest()
    {
        // Act
        var (status, body) = await SendAsync(HttpMethod.Patch, ConfigMaps + "/a", ConfigMap("a", "1"), "application/apply-patch+yaml");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("fieldManager is required", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_WithAnUnsupportedContentType_Is415()
    {
        // Act
        var (status, _) = await SendAsync(HttpMethod.Patch, ConfigMaps + "/a?fieldManager=x", ConfigMap("a", "1"), "application/json");

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Apply_YamlBody_IsAccepted()
    {
        // Act
        var (status, body) = await SendAsync(
            HttpMethod.Patch, ConfigMaps + "/a?fieldManager=x", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: \"1\"\n", "application/apply-patch+yaml");

        // Assert
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("1", KubernetesJsonPath.Get(body, "data", "k"));
    }

    [Fact]
    public async Task Apply_FieldOfAnotherManager_ConflictsUnlessForced()
    {
        // Arrange
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/a?fieldManager=first", ConfigMap("a", "1"), "application/apply-patch+yaml");

        // Act
        var (conflict, body) = await SendAsync(HttpMethod.Patch, ConfigMaps + "/a?fieldManager=second", ConfigMap("a", "2"), "application/apply-patch+yaml");
        var (forced, _) = await SendAsync(HttpMethod.Patch, ConfigMaps + "/a?fieldManager=second&force=true", ConfigMap("a", "2"), "application/apply-patch+yaml");

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("Apply failed with 1 conflict: - .data.k: conflict with \"first\"", (string?)body["message"]);
        Assert.Equal("conflict with \"first\" using v1", KubernetesJsonPath.Get(KubernetesJsonPath.Node(body, "details", "causes")![0], "message"));
        Assert.Equal(HttpStatusCode.OK, forced);
        Assert.Equal(["second"], _server.Find("v1", "ConfigMap", "default", "a")!.Managers.Keys);
    }

    [Fact]
    public async Task Put_WithStaleOrMissingResourceVersion_IsRejected()
    {
        // Arrange
        var (_, created) = await SendAsync(HttpMethod.Post, ConfigMaps, ConfigMap("a", "1"));
        var version = KubernetesJsonPath.Get(created, "metadata", "resourceVersion")!;
        await SendAsync(HttpMethod.Put, ConfigMaps + "/a", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"RV"},"data":{"k":"2"}}""".Replace("RV", version, StringComparison.Ordinal));

        // Act
        var (stale, body) = await SendAsync(HttpMethod.Put, ConfigMaps + "/a", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"RV"},"data":{"k":"3"}}""".Replace("RV", version, StringComparison.Ordinal));
        var (missing, _) = await SendAsync(HttpMethod.Put, ConfigMaps + "/a", ConfigMap("a", "4"));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Contains("the object has been modified", (string?)body["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Equal("2", KubernetesJsonPath.Get(_server.GetObject("v1", "ConfigMap", "default", "a"), "data", "k"));
    }

    [Fact]
    public async Task Create_InvalidNameOrMissingNamespace_IsRejected()
    {
        // Act
        var (invalid, body) = await SendAsync(HttpMethod.Post, ConfigMaps, ConfigMap("Not_Valid", "1"));
        var (noNamespace, _) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/missing/configmaps", ConfigMap("a", "1"));
        var (duplicate, _) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal("metadata.name", KubernetesJsonPath.Get(KubernetesJsonPath.Node(body, "details", "causes")![0], "field"));
        Assert.Equal(HttpStatusCode.NotFound, noNamespace);
        Assert.Equal(HttpStatusCode.Conflict, duplicate);
    }

    [Fact]
    public async Task Update_ImmutableField_IsRejected()
    {
        // Arrange
        const string service = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"clusterIP":"10.96.1.1","ports":[{"port":80}]}}""";
        await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/services/web?fieldManager=x", service, "application/apply-patch+yaml");

        // Act
        var (status, body) = await SendAsync(
            HttpMethod.Patch, "/api/v1/namespaces/default/services/web?fieldManager=x", service.Replace("10.96.1.1", "10.96.1.2", StringComparison.Ordinal), "application/apply-patch+yaml");

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("spec.clusterIP: Invalid value: \"10.96.1.2\": field is immutable", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_UnknownPropagationPolicy_IsRejected()
    {
        // Arrange
        await SendAsync(HttpMethod.Post, ConfigMaps, ConfigMap("a", "1"));

        // Act
        var (status, _) = await SendAsync(HttpMethod.Delete, ConfigMaps + "/a", """{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Sideways"}""");

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.NotNull(_server.GetObject("v1", "ConfigMap", "default", "a"));
    }
}
