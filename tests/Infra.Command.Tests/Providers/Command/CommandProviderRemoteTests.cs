using System.Collections.Immutable;
using Infra.Command.Tests.Fixtures;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Command;
using Infra.Protocol.Values;
using Microsoft.Extensions.Time.Testing;
using static Infra.Command.Tests.Providers.Command.Props;

namespace Infra.Command.Tests.Providers.Command;

/// <summary>The remote resources against real sshd servers (see <see cref="SshdFixture"/>).</summary>
public sealed class CommandProviderRemoteTests(SshdFixture sshd) : IDisposable
{
    private readonly CommandProvider _provider = new(TimeProvider.System, new SshDialOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(50) });
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-cmd-remote-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PropertyValue KeyConnection(string? hostKey = null, int? port = null) => Obj(
        [
            ("host", S(sshd.Host)),
            ("port", N(port ?? sshd.Port)),
            ("user", S(sshd.User)),
            ("privateKey", Secret(sshd.PrivateKey)),
            .. hostKey is null ? Array.Empty<(string, PropertyValue)>() : [("hostKey", S(hostKey))],
        ]);

    private async Task<CreateResult> CreateRemoteAsync(ImmutableSortedDictionary<string, PropertyValue> news, IProgress<string>? progress = null, CommandProvider? provider = null)
    {
        provider ??= _provider;
        var check = await provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);
        Assert.Empty(check.Failures);
        return await provider.CreateAsync(new CreateRequest { Urn = RemoteUrn, Inputs = check.Inputs, Progress = progress }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CreateAsync_KeyAuthWithPinnedHostKey_RunsWithEnvironmentAndStdin()
    {
        // Arrange
        sshd.RequireSshd();
        var news = Map(("connection", KeyConnection(sshd.HostKey)), ("create", S("read line; echo \"$GREETING $line\"; whoami")), ("environment", Obj(("GREETING", S("it's")))), ("stdin", S("stdin text\n")));

        // Act
        var result = await CreateRemoteAsync(news);

        // Assert
        Assert.Equal(S("it's stdin text\nroot"), result.Outputs["stdout"]);
        Assert.Equal(PropertyValueKind.Secret, result.Outputs["connection"].Kind);
        Assert.Matches("^rcmd[0-9a-f]{8}$", result.Id);
    }

    [Fact]
    public async Task CreateAsync_PasswordAuth_Runs()
    {
        // Arrange
        sshd.RequireSshd();
        var connection = Obj(("host", S(sshd.Host)), ("port", N(sshd.Port)), ("password", Secret(sshd.Password)));

        // Act
        var result = await CreateRemoteAsync(Map(("connection", connection), ("create", S("echo via-password"))));

        // Assert
        Assert.Equal(S("via-password"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CreateAsync_EncryptedKeyWithPassphrase_Runs()
    {
        // Arrange
        sshd.RequireSshd();
        var connection = Obj(("host", S(sshd.Host)), ("port", N(sshd.Port)), ("privateKey", Secret(sshd.EncryptedPrivateKey)), ("privateKeyPassword", Secret(sshd.Passphrase)));

        // Act
        var result = await CreateRemoteAsync(Map(("connection", connection), ("create", S("echo via-encrypted-key"))));

        // Assert
        Assert.Equal(S("via-encrypted-key"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CheckAsync_EncryptedKeyWithoutPassphrase_FailsWithoutShowingTheKey()
    {
        // Arrange
        sshd.RequireSshd();
        var connection = Obj(("host", S(sshd.Host)), ("privateKey", Secret(sshd.EncryptedPrivateKey)));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, Map(("connection", connection))), TestContext.Current.CancellationToken);

        // Assert
        var failure = Assert.Single(result.Failures);
        Assert.Equal("connection.privateKey: is encrypted: set privateKeyPassword (the key is not shown)", $"{failure.Property}: {failure.Reason}");
    }

    [Fact]
    public async Task CreateAsync_WrongHostKey_IsRefusedNamingHostAndBothFingerprints()
    {
        // Arrange
        sshd.RequireSshd();
        Assert.True(HostKeyPin.TryParse(sshd.SecondHostKey, out var expected));
        Assert.True(HostKeyPin.TryParse(sshd.HostKey, out var actual));
        var marker = Path.Combine(_dir, "ran");

        // Act
        var error = await Assert.ThrowsAsync<SshDialException>(() => CreateRemoteAsync(Map(("connection", KeyConnection(sshd.SecondHostKey)), ("create", S($"touch {marker}")))));

        // Assert
        Assert.True(error.IsHostKeyMismatch);
        Assert.Equal(1, error.Attempts);
        Assert.StartsWith(
            $"The host key of root@127.0.0.1:{sshd.Port} does not match connection.hostKey: expected {expected!.Fingerprint}, but the host presented ssh-ed25519 {actual!.Fingerprint}.",
            error.Message,
            StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task CreateAsync_ClosedPort_WaitsWithGrowingPausesThenFails()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var provider = new CommandProvider(time);
        var port = SshdFixture.FreePort();
        var messages = new List<string>();
        var progress = new CommandProviderLocalTests.SyncProgress(messages);
        var news = Map(("connection", Obj(("host", S("127.0.0.1")), ("port", N(port)), ("password", Secret("pw")), ("dialErrorLimit", N(3)))), ("create", S("true")));

        // Act
        var create = CreateRemoteAsync(news, progress, provider);
        while (!create.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        var error = await Assert.ThrowsAsync<SshDialException>(() => create);

        // Assert
        Assert.Equal(
            [
                $"waiting for SSH on root@127.0.0.1:{port}: attempt 1 of 3 failed (connection refused); retrying in 1s",
                $"waiting for SSH on root@127.0.0.1:{port}: attempt 2 of 3 failed (connection refused); retrying in 2s",
            ],
            messages.Where(m => m.StartsWith("waiting", StringComparison.Ordinal)));
        Assert.Equal(3, error.Attempts);
        Assert.Equal($"Could not connect to root@127.0.0.1:{port} over SSH after 3 attempt(s) (connection.dialErrorLimit is 3): connection refused", error.Message);
    }

    [Fact]
    public async Task CreateAsync_UnreachableHost_TimesOutEachDialAndFailsAtTheLimit()
    {
        // Arrange
        sshd.RequireSecondHost();
        var messages = new List<string>();
        var news = Map(("connection", Obj(("host", S(sshd.UnreachableHost)), ("password", Secret("pw")), ("dialErrorLimit", N(2)), ("perDialTimeout", N(1)))), ("create", S("true")));

        // Act
        var error = await Assert.ThrowsAsync<SshDialException>(() => CreateRemoteAsync(news, new CommandProviderLocalTests.SyncProgress(messages)));

        // Assert
        Assert.Equal(2, error.Attempts);
        Assert.StartsWith($"Could not connect to root@{sshd.UnreachableHost}:22 over SSH after 2 attempt(s) (connection.dialErrorLimit is 2): ", error.Message, StringComparison.Ordinal);
        Assert.Single(messages, m => m.StartsWith($"waiting for SSH on root@{sshd.UnreachableHost}:22: attempt 1 of 2 failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_ThroughBastion_RunsOnTheSecondHost()
    {
        // Arrange
        sshd.RequireSecondHost();
        var connection = Obj(
            ("host", S(sshd.SecondHost)),
            ("privateKey", Secret(sshd.PrivateKey)),
            ("hostKey", S(sshd.SecondHostKey)),
            ("proxy", KeyConnection(sshd.HostKey)));

        // Act
        var result = await CreateRemoteAsync(Map(("connection", connection), ("create", S("ip -o -4 addr show"))));

        // Assert
        Assert.Contains(sshd.SecondHost + "/24", result.Outputs["stdout"].StringValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_RemoteFailureEchoingSecret_ReportsExitCodeAndRedactedTail()
    {
        // Arrange
        sshd.RequireSshd();
        const string secret = "remote-secret-77aa";
        var news = Map(("connection", KeyConnection()), ("create", S("echo \"bad $API_KEY\" >&2; exit 3")), ("environment", Obj(("API_KEY", Secret(secret)))));

        // Act
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => CreateRemoteAsync(news));

        // Assert
        Assert.Equal($"The create command of 'rcmd' (on root@127.0.0.1:{sshd.Port}) exited with code 3; stderr (last 1 lines):\n  bad [secret]", error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_StoredConnection_RunsDeleteWithPreviousStdout()
    {
        // Arrange
        sshd.RequireSshd();
        var log = Path.Combine(_dir, "remote-log");
        var news = Map(("connection", KeyConnection()), ("create", S("echo first-output")), ("delete", S($"echo \"deleted after $PULUMI_COMMAND_STDOUT\" > {log}")));
        var created = await CreateRemoteAsync(news);

        // Act
        await _provider.DeleteAsync(new DeleteRequest { Urn = RemoteUrn, Id = created.Id!, Inputs = PropertyMaps.Empty, Outputs = created.Outputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("deleted after first-output\n", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CopyToRemote_FileAndDirectory_AreCopied()
    {
        // Arrange
        sshd.RequireSshd();
        var token = TestContext.Current.CancellationToken;
        var source = Directory.CreateDirectory(Path.Combine(_dir, "src")).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "one.txt"), "one", token);
        Directory.CreateDirectory(Path.Combine(source, "nested"));
        await File.WriteAllTextAsync(Path.Combine(source, "nested", "two.txt"), "two", token);
        var target = Directory.CreateDirectory(Path.Combine(_dir, "target")).FullName;
        var fileNews = Map(("connection", KeyConnection()), ("source", PropertyValue.CreateAsset(new AssetValue(Path: Path.Combine(source, "one.txt")))), ("remotePath", S(Path.Combine(target, "copied.txt"))));
        var dirNews = Map(("connection", KeyConnection()), ("source", PropertyValue.CreateArchive(new ArchiveValue(Path: source))), ("remotePath", S(target)));

        // Act
        var fileCheck = await _provider.CheckAsync(Check(CopyUrn, fileNews), token);
        var dirCheck = await _provider.CheckAsync(Check(CopyUrn, dirNews), token);
        var file = await _provider.CreateAsync(new CreateRequest { Urn = CopyUrn, Inputs = fileCheck.Inputs }, token);
        await _provider.CreateAsync(new CreateRequest { Urn = CopyUrn, Inputs = dirCheck.Inputs }, token);

        // Assert
        Assert.Empty(fileCheck.Failures);
        Assert.NotNull(fileCheck.Inputs["source"].AssetValue.Hash);
        Assert.Matches("^[0-9a-f]{8}$", file.Id);
        Assert.Equal("one", await File.ReadAllTextAsync(Path.Combine(target, "copied.txt"), token));
        Assert.Equal("one", await File.ReadAllTextAsync(Path.Combine(target, "src", "one.txt"), token));
        Assert.Equal("two", await File.ReadAllTextAsync(Path.Combine(target, "src", "nested", "two.txt"), token));
    }
}
