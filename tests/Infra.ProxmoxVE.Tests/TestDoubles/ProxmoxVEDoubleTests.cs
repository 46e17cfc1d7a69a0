using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Infra.TestDoubles.ProxmoxVE;

namespace Infra.ProxmoxVE.Tests.TestDoubles;

public sealed class ProxmoxVEDoubleTests
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(ProxmoxVEDouble server, HttpMethod method, string path, HttpContent? content = null, string? authorization = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(server.Endpoint, "api2/json/" + path)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? "PVEAPIToken=" + server.ApiToken);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("PVEAPIToken root@pam!infra=5b2d3d4e-8f1a-4c6b-9e7d-0a1b2c3d4e5f", "authentication failure: the Authorization header must be 'PVEAPIToken=USER@REALM!TOKENID=UUID'\n")]
    [InlineData("PVEAPIToken=root@pam!infra=00000000-0000-0000-0000-000000000000", "authentication failure: invalid API token\n")]
    public async Task Request_BadAuthorization_IsRejectedWith401(string header, string message)
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var (status, body) = await SendAsync(server, HttpMethod.Get, "version", authorization: header);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(message, (string?)body!["message"]);
    }

    [Fact]
    public async Task Request_JsonBody_IsRejectedAsNotFormEncoded()
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.AddTemplate(9000, "tpl");

        // Act
        var (status, body) = await SendAsync(server, HttpMethod.Post, "nodes/pve/qemu/9000/clone", new StringContent("""{"newid":100}""", Encoding.UTF8, "application/json"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("the body must be application/x-www-form-urlencoded (was application/json; charset=utf-8)\n", (string?)body!["message"]);
        Assert.DoesNotContain(100, server.Guests.Keys);
    }

    [Fact]
    public async Task Request_UnknownParameterOrTextBoolean_IsRejectedWithParameterErrors()
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.AddTemplate(9000, "tpl");

        // Act
        var (unknownStatus, unknown) = await SendAsync(server, HttpMethod.Post, "nodes/pve/qemu/9000/clone", new FormUrlEncodedContent([KeyValuePair.Create("newid", "100"), KeyValuePair.Create("vmName", "x")]));
        var (boolStatus, textBool) = await SendAsync(server, HttpMethod.Post, "nodes/pve/qemu/9000/clone", new FormUrlEncodedContent([KeyValuePair.Create("newid", "100"), KeyValuePair.Create("full", "true")]));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Equal("property is not defined in schema and the schema does not allow additional properties", (string?)unknown!["errors"]!["vmName"]);
        Assert.Equal(HttpStatusCode.BadRequest, boolStatus);
        Assert.Equal("type check ('boolean') failed - got 'true'", (string?)textBool!["errors"]!["full"]);
    }

    [Fact]
    public async Task Resize_Shrink_IsRejected()
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.AddTemplate(9000, "tpl", diskGb: 20);

        // Act
        var (status, body) = await SendAsync(server, HttpMethod.Put, "nodes/pve/qemu/9000/resize", new FormUrlEncodedContent([KeyValuePair.Create("disk", "scsi0"), KeyValuePair.Create("size", "10G")]));

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("shrinking disks is not supported\n", (string?)body!["message"]);
    }

    [Fact]
    public async Task Clone_ExistingNewId_IsRejectedAsAlreadyExisting()
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.AddTemplate(9000, "tpl");
        server.AddTemplate(9001, "tpl-2");

        // Act
        var (status, body) = await SendAsync(server, HttpMethod.Post, "nodes/pve/qemu/9000/clone", new FormUrlEncodedContent([KeyValuePair.Create("newid", "9001")]));

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("VM 9001 already exists\n", (string?)body!["message"]);
    }

    [Fact]
    public async Task NextId_AnswersLowestFreeIdAndRejectsTakenOnes()
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        server.AddTemplate(100, "tpl");

        // Act
        var (_, next) = await SendAsync(server, HttpMethod.Get, "cluster/nextid");
        var (takenStatus, taken) = await SendAsync(server, HttpMethod.Get, "cluster/nextid?vmid=100");

        // Assert
        Assert.Equal("101", (string?)next!["data"]);
        Assert.Equal(HttpStatusCode.BadRequest, takenStatus);
        Assert.Equal("VM 100 already exists\n", (string?)taken!["message"]);
    }
}
