using Renci.SshNet.Security;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// One signature algorithm of an ssh-agent key, as SSH.NET's public-key authentication sees it: <see cref="Data"/>
/// is the public key blob, <see cref="Sign"/> asks the agent (the private key never leaves it).
/// </summary>
internal sealed class AgentHostAlgorithm : HostAlgorithm
{
    private readonly SshAgentClient _agent;
    private readonly SshAgentIdentity _identity;
    private readonly uint _flags;

    public AgentHostAlgorithm(SshAgentClient agent, SshAgentIdentity identity, string algorithm, uint flags)
        : base(algorithm)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(identity);
        _agent = agent;
        _identity = identity;
        _flags = flags;
    }

    /// <summary>The public key blob.</summary>
    public override byte[] Data => _identity.KeyBlob;

    /// <summary>The agent's signature blob (format and signature) over <paramref name="data"/>.</summary>
    public override byte[] Sign(byte[] data)
    {
        try
        {
            return _agent.Sign(_identity.KeyBlob, data, _flags);
        }
        catch (SshAgentException exception)
        {
            throw new SshAgentException($"the ssh-agent at {_agent.SocketPath} did not sign with {_identity} ({Name}): {exception.Message}", exception);
        }
    }

    /// <summary>Not used for client authentication.</summary>
    public override bool VerifySignature(byte[] data, byte[] signature) =>
        throw new NotSupportedException("An ssh-agent key only signs; it does not verify.");
}
