using Infra.Engine.Providers;
using Infra.Engine.Providers.Command;
using Infra.Protocol.Values;
using static Infra.Command.Tests.Providers.Command.Props;

namespace Infra.Command.Tests.Providers.Command;

public sealed class CommandProviderLocalTests : IDisposable
{
    private readonly CommandProvider _provider = new(TimeProvider.System);
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-cmd-local-").FullName;

    private string Log => Path.Combine(_dir, "log");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CreateAsync_Preview_RunsNothingAndStdoutIsUnknown()
    {
        // Arrange
        var inputs = Map(("create", S($"echo created >> {Log}")));

        // Act
        var result = await _provider.CreateAsync(new CreateRequest { Urn = LocalUrn, Inputs = inputs, Preview = true }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(result.Id);
        Assert.Equal(PropertyValue.Unknown, result.Outputs["stdout"]);
        Assert.False(File.Exists(Log));
    }

    [Fact]
    public async Task Lifecycle_CreateUpdateDelete_RunsEachCommandWithPreviousOutput()
    {
        // Arrange
        var token = TestContext.Current.CancellationToken;
        var inputs = Map(
            ("create", S($"echo create >> {Log}; echo out-1")),
            ("update", S($"echo \"update prev=$PULUMI_COMMAND_STDOUT\" >> {Log}; echo out-2")),
            ("delete", S($"echo \"delete prev=$PULUMI_COMMAND_STDOUT env=$GREETING\" >> {Log}")),
            ("environment", Obj(("GREETING", S("hi")))),
            ("dir", S(_dir)));

        // Act
        var created = await _provider.CreateAsync(new CreateRequest { Urn = LocalUrn, Inputs = inputs }, token);
        var changed = inputs.SetItem("environment", Obj(("GREETING", S("hello"))));
        var updated = await _provider.UpdateAsync(new UpdateRequest { Urn = LocalUrn, Id = created.Id!, OldInputs = inputs, OldOutputs = created.Outputs, NewInputs = changed }, token);
        await _provider.DeleteAsync(new DeleteRequest { Urn = LocalUrn, Id = created.Id!, Inputs = changed, Outputs = updated.Outputs }, token);

        // Assert
        Assert.Matches("^cmd[0-9a-f]{8}$", created.Id);
        Assert.Equal(S("out-1"), created.Outputs["stdout"]);
        Assert.Equal(S("out-2"), updated.Outputs["stdout"]);
        Assert.Equal(["create", "update prev=out-1", "delete prev=out-2 env=hello"], await File.ReadAllLinesAsync(Log, token));
    }

    [Fact]
    public async Task UpdateAsync_NoUpdateCommand_RunsCreateAgain()
    {
        // Arrange
        var token = TestContext.Current.CancellationToken;
        var inputs = Map(("create", S($"echo \"create $N\" >> {Log}")), ("environment", Obj(("N", S("1")))));
        var created = await _provider.CreateAsync(new CreateRequest { Urn = LocalUrn, Inputs = inputs }, token);

        // Act
        var changed = inputs.SetItem("environment", Obj(("N", S("2"))));
        await _provider.UpdateAsync(new UpdateRequest { Urn = LocalUrn, Id = created.Id!, OldInputs = inputs, OldOutputs = created.Outputs, NewInputs = changed }, token);

        // Assert
        Assert.Equal(["create 1", "create 2"], await File.ReadAllLinesAsync(Log, token));
    }

    [Fact]
    public async Task CreateAsync_FailingCommandEchoingSecret_ReportsExitCodeAndRedactedStderr()
    {
        // Arrange
        const string secret = "s3cr3t-value-91f2";
        var inputs = Map(("create", S("echo \"token is $TOKEN\" >&2; echo second line >&2; exit 7")), ("environment", Obj(("TOKEN", Secret(secret)))));

        // Act
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => _provider.CreateAsync(new CreateRequest { Urn = LocalUrn, Inputs = inputs }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(
            "The create command of 'cmd' (local, /bin/sh -c) exited with code 7; stderr (last 2 lines):\n  token is [secret]\n  second line",
            error.Message);
        Assert.Equal(7, error.ExitCode);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SecretInput_MakesStdoutSecretAndProgressRedacted()
    {
        // Arrange
        var lines = new List<string>();
        var inputs = Map(("create", S("echo \"$PW\"")), ("environment", Obj(("PW", Secret("hunter2-xyz")))));

        // Act
        var result = await _provider.CreateAsync(new CreateRequest { Urn = LocalUrn, Inputs = inputs, Progress = new SyncProgress(lines) }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(Secret("hunter2-xyz"), result.Outputs["stdout"]);
        Assert.Equal(["[secret]"], lines);
    }

    [Fact]
    public async Task CreateAsync_StdinInterpreterAndAssetPaths_AreApplied()
    {
        // Arrange
        var inputs = Map(
            ("create", S("cat > a.txt; mkdir -p sub; echo b > sub/b.txt; echo c > c.log; cat a.txt")),
            ("stdin", S("from stdin")),
            ("interpreter", PropertyValue.CreateArray([S("/bin/sh"), S("-c")])),
            ("dir", S(_dir)),
            ("assetPaths", PropertyValue.CreateArray([S("**/*.txt"), S("!sub/**")])),
            ("archivePaths", PropertyValue.CreateArray([S("**")])));

        // Act
        var result = await _provider.CreateAsync(new CreateRequest { Urn = LocalUrn, Inputs = inputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(S("from stdin"), result.Outputs["stdout"]);
        Assert.Equal(["a.txt"], result.Outputs["assets"].ObjectValue.Keys);
        Assert.Equal(["a.txt", "c.log", "sub/b.txt"], result.Outputs["archive"].ArchiveValue.Assets!.Keys);
    }

    [Fact]
    public async Task InvokeAsync_Run_ReturnsStdoutAndStderr()
    {
        // Arrange
        var args = Map(("command", S("echo hello; echo oops >&2")));

        // Act
        var result = await _provider.InvokeAsync(new InvokeRequest { Token = CommandProvider.RunFunction, Args = args }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
        Assert.Equal(S("hello"), result.Return["stdout"]);
        Assert.Equal(S("oops"), result.Return["stderr"]);
    }

    [Fact]
    public async Task InvokeAsync_RunWithoutCommand_FailsCheck()
    {
        // Act
        var result = await _provider.InvokeAsync(new InvokeRequest { Token = CommandProvider.RunFunction, Args = Map() }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["command: is required (was missing)"], result.Failures.Select(f => $"{f.Property}: {f.Reason}"));
    }

    /// <summary>Collects progress synchronously (Progress&lt;T&gt; would post later).</summary>
    internal sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
