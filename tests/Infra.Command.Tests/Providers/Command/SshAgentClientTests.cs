using Infra.Command.Tests.Fixtures;
using Infra.Engine.Providers.Command;
using static Infra.Command.Tests.Providers.Command.SshAgentProtocolTests;

namespace Infra.Command.Tests.Providers.Command;

/// <summary>The agent client against a scripted fake agent and a real <c>ssh-agent</c>.</summary>
public sealed class SshAgentClientTests(SshdFixture sshd) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-agent-client-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Sign_FakeAgent_SendsKeyDataAndFlagsAndReturnsSignature()
    {
        // Arrange
        byte[] signature = [.. Str("rsa-sha2-256"), .. Str([7, 7, 7])];
        await using var agent = new FakeSshAgent(Path.Combine(_dir, "fake.sock"), [14, .. Str(signature)]);
        var client = new SshAgentClient(agent.SocketPath);

        // Act
        var result = client.Sign([1, 2], [3], SshAgentProtocol.RsaSha2256);

        // Assert
        Assert.Equal(signature, result);
        Assert.Equal(new byte[] { 13, 0, 0, 0, 2, 1, 2, 0, 0, 0, 1, 3, 0, 0, 0, 2 }, Assert.Single(agent.Requests));
    }

    [Fact]
    public async Task Sign_AgentRefuses_ThroughHostAlgorithmNamesSocketKeyAndAlgorithm()
    {
        // Arrange
        await using var agent = new FakeSshAgent(Path.Combine(_dir, "refuse.sock"), [5]);
        var identity = new SshAgentIdentity(Ed25519Blob(), "me@host");
        var algorithm = Assert.Single(new AgentKeySource(new SshAgentClient(agent.SocketPath), identity).HostKeyAlgorithms);

        // Act
        var error = Assert.Throws<SshAgentException>(() => algorithm.Sign([1]));

        // Assert
        Assert.Equal(Ed25519Blob(), algorithm.Data);
        Assert.Equal(
            $"the ssh-agent at {agent.SocketPath} did not sign with ssh-ed25519 me@host (ssh-ed25519): the agent refused the request (SSH_AGENT_FAILURE instead of a signature)",
            error.Message);
    }

    [Fact]
    public async Task RequestIdentities_AgentClosesWithoutAnswer_SaysSo()
    {
        // Arrange
        await using var agent = new FakeSshAgent(Path.Combine(_dir, "mute.sock"), [null]);

        // Act
        var error = Assert.Throws<SshAgentException>(() => new SshAgentClient(agent.SocketPath).RequestIdentities());

        // Assert
        Assert.Equal("the agent closed the connection without answering", error.Message);
        Assert.Equal(new byte[] { 11 }, Assert.Single(agent.Requests));
    }

    [Fact]
    public async Task RequestIdentities_OversizedAnswer_IsRejected()
    {
        // Arrange
        await using var agent = new FakeSshAgent(Path.Combine(_dir, "huge.sock"), new byte[SshAgentProtocol.MaxMessageLength + 1]);

        // Act
        var error = Assert.Throws<SshAgentException>(() => new SshAgentClient(agent.SocketPath).RequestIdentities());

        // Assert
        Assert.Equal($"the agent's answer is not valid: a message of {SshAgentProtocol.MaxMessageLength + 1} bytes (allowed 1 to {SshAgentProtocol.MaxMessageLength})", error.Message);
    }

    [Fact]
    public async Task RequestIdentities_RealAgent_ListsTheAddedKeysWithTheirPublicBlobs()
    {
        // Arrange
        sshd.RequireSshd();
        await using var agent = await SshAgentProcess.StartAsync(_dir, sshd.ClientKeyPath, sshd.RsaClientKeyPath);
        var publicBlobs = new[] { sshd.ClientKeyPath, sshd.RsaClientKeyPath }
            .Select(f => Convert.FromBase64String(File.ReadAllText(f + ".pub").Split(' ')[1]))
            .ToList();

        // Act
        var identities = new SshAgentClient(agent.SocketPath).RequestIdentities();

        // Assert
        Assert.Equal(["ssh-ed25519 client", "ssh-rsa client-rsa"], identities.Select(i => i.ToString()));
        Assert.Equal(publicBlobs, identities.Select(i => i.KeyBlob));
    }

    [Fact]
    public async Task Sign_RealAgentRsaKeyWithSha256Flag_ReturnsRsaSha256Signature()
    {
        // Arrange
        sshd.RequireSshd();
        await using var agent = await SshAgentProcess.StartAsync(_dir, sshd.RsaClientKeyPath);
        var client = new SshAgentClient(agent.SocketPath);
        var key = Assert.Single(client.RequestIdentities());

        // Act
        var sha256 = client.Sign(key.KeyBlob, [1, 2, 3], SshAgentProtocol.RsaSha2256);
        var sha512 = client.Sign(key.KeyBlob, [1, 2, 3], SshAgentProtocol.RsaSha2512);

        // Assert
        Assert.Equal("rsa-sha2-256", SshAgentProtocol.LeadingName(sha256));
        Assert.Equal("rsa-sha2-512", SshAgentProtocol.LeadingName(sha512));
    }
}
