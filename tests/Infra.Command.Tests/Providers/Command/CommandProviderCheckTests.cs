using Infra.Engine.Providers;
using Infra.Engine.Providers.Command;
using Infra.Protocol.Values;
using static Infra.Command.Tests.Providers.Command.Props;

namespace Infra.Command.Tests.Providers.Command;

public sealed class CommandProviderCheckTests
{
    private readonly CommandProvider _provider = new(TimeProvider.System);

    [Fact]
    public async Task CheckAsync_BadConnection_ReportsEveryFieldRuleAndValue()
    {
        // Arrange
        var news = Map(("connection", Obj(("host", S("")), ("port", N(70000)), ("dialErrorLimit", N(0)), ("perDialTimeout", N(-5)), ("agentSocketPath", S("/run/agent.sock")))));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(
            [
                "connection.host: must not be empty (was \"\")",
                "connection.port: must be an integer between 1 and 65535 (was 70000)",
                "connection.perDialTimeout: must be a whole number of seconds, 0 or more (0 = no limit) (was -5)",
                "connection.dialErrorLimit: must be -1 (unlimited) or a whole number of 1 or more (was 0)",
            ],
            result.Failures.Select(f => $"{f.Property}: {f.Reason}"));
    }

    [Fact]
    public async Task CheckAsync_MissingConnectionAndSource_NamesBoth()
    {
        // Act
        var result = await _provider.CheckAsync(Check(CopyUrn, Map(("remotePath", S(" ")))), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(
            [
                "connection: is required: the SSH host to connect to (was missing)",
                "remotePath: must not be empty (was \" \")",
                "source: is required: an asset or archive to copy (was missing)",
            ],
            result.Failures.Select(f => $"{f.Property}: {f.Reason}"));
    }

    [Fact]
    public async Task CheckAsync_UnreadableSecretKeyAndSecretEnvironment_NeverShowsTheSecrets()
    {
        // Arrange
        const string key = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-really-a-key-0123456789\n-----END OPENSSH PRIVATE KEY-----";
        var news = Map(
            ("connection", Obj(("host", S("10.0.0.5")), ("privateKey", Secret(key)))),
            ("environment", Obj(("TOKEN", PropertyValue.CreateSecret(N(42))))),
            ("logging", S("loud")));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        var text = string.Join("\n", result.Failures.Select(f => $"{f.Property}: {f.Reason}"));
        Assert.Contains("connection.privateKey: is not a private key SSH.NET can read", text, StringComparison.Ordinal);
        Assert.Contains("environment.TOKEN: must be a string (was a secret number)", text, StringComparison.Ordinal);
        Assert.Contains("logging: must be one of stdout, stderr, stdoutAndStderr, none (was \"loud\")", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not-really-a-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("42", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_PlainConnection_IsWrappedAsSecret()
    {
        // Arrange
        var news = Map(("connection", Obj(("host", S("h")), ("password", S("pw")))), ("create", S("true")));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
        Assert.Equal(PropertyValueKind.Secret, result.Inputs["connection"].Kind);
        Assert.Equal(S("true"), result.Inputs["create"]);
    }

    [Fact]
    public async Task CheckAsync_UnknownValuesInPreview_AreNotJudged()
    {
        // Arrange
        var news = Map(("connection", Obj(("host", PropertyValue.Unknown), ("privateKey", PropertyValue.Unknown))), ("create", PropertyValue.Unknown));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task DiffAsync_TriggersChange_Replaces()
    {
        // Arrange
        var olds = Map(("create", S("a")), ("triggers", PropertyValue.CreateArray([S("1")])));
        var news = Map(("create", S("a")), ("triggers", PropertyValue.CreateArray([S("2")])));

        // Act
        var diff = await _provider.DiffAsync(new DiffRequest { Urn = LocalUrn, Id = "x", OldInputs = olds, OldOutputs = olds, NewInputs = news }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Equal(["triggers"], diff.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.UpdateReplace, diff.DetailedDiff["triggers"].Kind);
    }

    [Fact]
    public async Task DiffAsync_EnvironmentChange_IsAnUpdate()
    {
        // Arrange
        var olds = Map(("create", S("a")), ("environment", Obj(("A", S("1")))));
        var news = Map(("create", S("a")), ("environment", Obj(("A", S("2")))));

        // Act
        var diff = await _provider.DiffAsync(new DiffRequest { Urn = LocalUrn, Id = "x", OldInputs = olds, OldOutputs = olds, NewInputs = news }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Empty(diff.ReplaceKeys);
        Assert.Equal(["environment"], diff.ChangedKeys);
    }

    [Fact]
    public async Task DiffAsync_OnlySecretnessDiffers_NoChanges()
    {
        // Arrange
        var olds = Map(("connection", PropertyValue.CreateSecret(Obj(("host", S("h"))))));
        var news = Map(("connection", Obj(("host", S("h")))));

        // Act
        var diff = await _provider.DiffAsync(new DiffRequest { Urn = RemoteUrn, Id = "x", OldInputs = olds, OldOutputs = olds, NewInputs = news }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DiffChanges.None, diff.Changes);
    }
}
