using Infra;
using Infra.Core.Tests.Fixtures;
using Infra.Testing;

namespace Infra.Core.Tests.Configuration;

public sealed class ConfigTests
{
    private static Task<StackTestResult> RunAsync(TestOptions options, Action<Config> read) =>
        Deployment.TestAsync(new EchoMocks(), options, () => read(new Config()));

    [Fact]
    public async Task Get_TypedValues_ParsedInvariant()
    {
        (bool? Flag, int? Count, double? Ratio, string? Missing) seen = default;
        var options = new TestOptions { Config = { ["project:flag"] = "true", ["project:count"] = "42", ["project:ratio"] = "0.5" } };

        await RunAsync(options, c => seen = (c.GetBoolean("flag"), c.GetInt32("count"), c.GetDouble("ratio"), c.Get("missing")));

        Assert.Equal((true, 42, 0.5, (string?)null), seen);
    }

    [Fact]
    public async Task GetObject_StructuredValue_ParsesJsonCamelCase()
    {
        Node? node = null;
        var options = new TestOptions { Config = { ["project:node"] = "{\"host\":\"pve1.lan\",\"cores\":4,\"tags\":[\"a\"]}" } };

        await RunAsync(options, c => node = c.GetObject<Node>("node"));

        Assert.NotNull(node);
        Assert.Equal("pve1.lan", node.Host);
        Assert.Equal(4, node.Cores);
        Assert.Equal(["a"], node.Tags);
    }

    [Fact]
    public async Task GetObject_MalformedJson_NamesKeyAndType()
    {
        var options = new TestOptions { Config = { ["project:node"] = "{not json" } };

        var error = await Assert.ThrowsAsync<ConfigTypeException>(() => RunAsync(options, c => c.GetObject<Node>("node")));

        Assert.StartsWith("Configuration 'project:node' must be a JSON Node (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(was '{not json').", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SecretKeyReadAsPlain_WarnsButReturnsValue()
    {
        string? value = null;
        var options = new TestOptions { SecretConfig = { ["project:token"] = "t0k" } };

        var result = await RunAsync(options, c => value = c.Get("token"));

        Assert.Equal("t0k", value);
        var warning = Assert.Single(result.Logs);
        Assert.Equal("warning", warning.Severity);
        Assert.DoesNotContain("t0k", warning.Message, StringComparison.Ordinal);
        Assert.Contains("GetSecret", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretObject_IsSecretOutput()
    {
        Output<Node>? node = null;
        var options = new TestOptions { IsPreview = false, SecretConfig = { ["project:node"] = "{\"host\":\"h\",\"cores\":1}" } };

        await RunAsync(options, c => node = c.GetSecretObject<Node>("node"));

        Assert.NotNull(node);
        Assert.True(await node.IsSecretAsync());
        Assert.Equal("h", (await node.GetValueAsync()).Host);
    }

    [Fact]
    public async Task Config_OtherNamespace_ReadsProviderKeys()
    {
        string? context = null;
        var options = new TestOptions { Config = { ["kubernetes:config:context"] = "admin@lab" } };

        await Deployment.TestAsync(new EchoMocks(), options, () => context = new Config("kubernetes").Get("context"));

        Assert.Equal("admin@lab", context);
    }

    [Fact]
    public async Task Get_KeyWithColon_IsRefusedWithHint()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(new TestOptions(), c => c.Get("kubernetes:context")));

        Assert.StartsWith("Config key 'kubernetes:context' must not contain ':'; the namespace is 'project'", error.Message, StringComparison.Ordinal);
    }

    public sealed class Node
    {
        public string Host { get; init; } = string.Empty;

        public int Cores { get; init; }

        public string[] Tags { get; init; } = [];
    }
}
