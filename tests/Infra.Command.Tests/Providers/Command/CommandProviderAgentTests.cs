using System.Collections.Immutable;
using System.Net.Sockets;
using Infra.Command.Tests.Fixtures;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Command;
using Infra.Protocol.Values;
using static Infra.Command.Tests.Providers.Command.Props;

namespace Infra.Command.Tests.Providers.Command;

/// <summary>ssh-agent authentication against real sshd servers and real <c>ssh-agent</c> processes.</summary>
public sealed class CommandProviderAgentTests(SshdFixture sshd) : IAsyncLifetime
{
    private static readonly SshDialOptions FastDials = new() { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(50) };

    private readonly CommandProvider _provider = new(TimeProvider.System, FastDials, _ => null);
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-cmd-agent-").FullName;
    private SshAgentProcess? _ed25519Agent;
    private SshAgentProcess? _rsaAgent;
    private SshAgentProcess? _emptyAgent;

    public async ValueTask InitializeAsync()
    {
        if (sshd.SkipReason is null)
        {
            _ed25519Agent = await SshAgentProcess.StartAsync(_dir, sshd.ClientKeyPath);
            _rsaAgent = await SshAgentProcess.StartAsync(_dir, sshd.RsaClientKeyPath);
            _emptyAgent = await SshAgentProcess.StartAsync(_dir);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in new[] { _ed25519Agent, _rsaAgent, _emptyAgent })
        {
            if (agent is not null)
            {
                await agent.DisposeAsync();
            }
        }

        Directory.Delete(_dir, recursive: true);
    }

    private PropertyValue AgentConnection(string? socket, int? port = null) => Obj(
        [
            ("host", S(sshd.Host)),
            ("port", N(port ?? sshd.Port)),
            ("hostKey", S(sshd.HostKey)),
            .. socket is null ? Array.Empty<(string, PropertyValue)>() : [("agentSocketPath", S(socket))],
        ]);

    private async Task<CreateResult> CreateAsync(string urn, ImmutableSortedDictionary<string, PropertyValue> news, CommandProvider? provider = null)
    {
        provider ??= _provider;
        var check = await provider.CheckAsync(Check(urn, news), TestContext.Current.CancellationToken);
        Assert.Empty(check.Failures);
        return await provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = check.Inputs }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CreateAsync_AgentWithEd25519Key_RunsCommand()
    {
        // Arrange
        sshd.RequireSshd();
        var news = Map(("connection", AgentConnection(_ed25519Agent!.SocketPath)), ("create", S("echo via-agent; whoami")));

        // Act
        var result = await CreateAsync(RemoteUrn, news);

        // Assert
        Assert.Equal(S("via-agent\nroot"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CreateAsync_AgentWithRsaKeyOnRsaSha256OnlyServer_RunsCommand()
    {
        // Arrange
        sshd.RequireSshd();
        var news = Map(("connection", AgentConnection(_rsaAgent!.SocketPath, sshd.RsaSha256Port)), ("create", S("echo via-rsa-sha2-256")));

        // Act
        var result = await CreateAsync(RemoteUrn, news);

        // Assert
        Assert.Equal(S("via-rsa-sha2-256"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CreateAsync_AgentWithEcdsaKey_RunsCommand()
    {
        // Arrange
        sshd.RequireSshd();
        await using var agent = await SshAgentProcess.StartAsync(_dir, sshd.EcdsaClientKeyPath);
        var news = Map(("connection", AgentConnection(agent.SocketPath)), ("create", S("echo via-ecdsa")));

        // Act
        var result = await CreateAsync(RemoteUrn, news);

        // Assert
        Assert.Equal(S("via-ecdsa"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CreateAsync_SshAuthSockFromEnvironment_RunsCommand()
    {
        // Arrange
        sshd.RequireSshd();
        var socket = _ed25519Agent!.SocketPath;
        var provider = new CommandProvider(TimeProvider.System, FastDials, name => name == "SSH_AUTH_SOCK" ? socket : null);
        var news = Map(("connection", AgentConnection(socket: null)), ("create", S("echo via-env-agent")));

        // Act
        var result = await CreateAsync(RemoteUrn, news, provider);

        // Assert
        Assert.Equal(S("via-env-agent"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CopyToRemote_ThroughAgent_CopiesOverSftp()
    {
        // Arrange
        sshd.RequireSshd();
        var target = Path.Combine(_dir, "copied.txt");
        var news = Map(
            ("connection", AgentConnection(_ed25519Agent!.SocketPath)),
            ("source", PropertyValue.CreateAsset(new AssetValue(Text: "agent copy"))),
            ("remotePath", S(target)));

        // Act
        await CreateAsync(CopyUrn, news);

        // Assert
        Assert.Equal("agent copy", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateAsync_EmptyAgent_FailsNamingHostSocketAndReason()
    {
        // Arrange
        sshd.RequireSshd();
        var marker = Path.Combine(_dir, "ran");
        var news = Map(("connection", AgentConnection(_emptyAgent!.SocketPath)), ("create", S($"touch {marker}")));

        // Act
        var error = await Assert.ThrowsAsync<SshDialException>(() => CreateAsync(RemoteUrn, news));

        // Assert
        Assert.Equal(
            $"Cannot authenticate to root@127.0.0.1:{sshd.Port} through the ssh-agent at {_emptyAgent.SocketPath} (from agentSocketPath): the agent holds no identities (add a key with ssh-add).",
            error.Message);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task CreateAsync_MissingSocket_FailsNamingHostSocketAndReason()
    {
        // Arrange
        var socket = Path.Combine(_dir, "no-agent.sock");
        var port = SshdFixture.FreePort();
        var provider = new CommandProvider(TimeProvider.System, FastDials, name => name == "SSH_AUTH_SOCK" ? socket : null);
        var news = Map(("connection", Obj(("host", S("127.0.0.1")), ("port", N(port)))), ("create", S("true")));

        // Act
        var error = await Assert.ThrowsAsync<SshDialException>(() => CreateAsync(RemoteUrn, news, provider));

        // Assert
        Assert.Equal(
            $"Cannot authenticate to root@127.0.0.1:{port} through the ssh-agent at {socket} (from SSH_AUTH_SOCK): the socket does not exist.",
            error.Message);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task CreateAsync_SocketNobodyListensOn_FailsWithConnectionRefused()
    {
        // Arrange
        var socket = Path.Combine(_dir, "dead.sock");
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(socket));
        var port = SshdFixture.FreePort();
        var news = Map(("connection", Obj(("host", S("127.0.0.1")), ("port", N(port)), ("agentSocketPath", S(socket)))), ("create", S("true")));

        // Act
        var error = await Assert.ThrowsAsync<SshDialException>(() => CreateAsync(RemoteUrn, news));

        // Assert
        Assert.Equal($"Cannot authenticate to root@127.0.0.1:{port} through the ssh-agent at {socket} (from agentSocketPath): nothing listens on the socket (connection refused; is the agent running?).", error.Message);
    }

    [Fact]
    public async Task CreateAsync_KeyPlusMissingAgentSocket_AuthenticatesWithTheKey()
    {
        // Arrange
        sshd.RequireSshd();
        var connection = Obj(("host", S(sshd.Host)), ("port", N(sshd.Port)), ("privateKey", Secret(sshd.PrivateKey)), ("agentSocketPath", S(Path.Combine(_dir, "none.sock"))));

        // Act
        var result = await CreateAsync(RemoteUrn, Map(("connection", connection), ("create", S("echo key-first"))));

        // Assert
        Assert.Equal(S("key-first"), result.Outputs["stdout"]);
    }

    [Fact]
    public async Task CheckAsync_NoCredentialWithAgentSocketPath_Passes()
    {
        // Arrange
        var news = Map(("connection", Obj(("host", S("10.0.0.5")), ("agentSocketPath", S("/run/agent.sock")))));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task CheckAsync_NoCredentialWithSshAuthSockInEnvironment_Passes()
    {
        // Arrange
        var provider = new CommandProvider(TimeProvider.System, FastDials, name => name == "SSH_AUTH_SOCK" ? "/run/user/0/agent.sock" : null);
        var news = Map(("connection", Obj(("host", S("10.0.0.5")))), ("remotePath", S("/tmp/x")), ("source", PropertyValue.CreateAsset(new AssetValue(Text: "x"))));

        // Act
        var result = await provider.CheckAsync(Check(CopyUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task CheckAsync_NoCredentialAndNoAgent_FailsNamingEveryOption()
    {
        // Arrange
        var news = Map(("connection", Obj(("host", S("10.0.0.5")), ("proxy", Obj(("host", S("10.0.0.1")), ("password", Secret("pw")))))));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(
            ["connection: needs a credential: privateKey, password, or an ssh-agent socket (agentSocketPath, or SSH_AUTH_SOCK in the engine's environment) (password was missing, privateKey was missing, agentSocketPath was missing, SSH_AUTH_SOCK is not set)"],
            result.Failures.Select(f => $"{f.Property}: {f.Reason}"));
    }

    [Fact]
    public async Task CheckAsync_BadAgentSocketPath_NamesFieldAndValue()
    {
        // Arrange
        var news = Map(("connection", Obj(("host", S("10.0.0.5")), ("agentSocketPath", S(" ")), ("proxy", Obj(("host", S("10.0.0.1")), ("agentSocketPath", N(3)))))));

        // Act
        var result = await _provider.CheckAsync(Check(RemoteUrn, news), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(
            [
                "connection.agentSocketPath: must not be empty when set (was \" \")",
                "connection.proxy.agentSocketPath: must be the path of an ssh-agent unix socket (was 3)",
            ],
            result.Failures.Select(f => $"{f.Property}: {f.Reason}"));
    }
}
