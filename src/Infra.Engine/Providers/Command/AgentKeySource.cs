using Renci.SshNet;
using Renci.SshNet.Security;

namespace Infra.Engine.Providers.Command;

/// <summary>One ssh-agent key as an SSH.NET key source: its signature algorithms, most preferred first.</summary>
internal sealed class AgentKeySource : IPrivateKeySource
{
    public AgentKeySource(SshAgentClient agent, SshAgentIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(identity);
        Identity = identity;
        HostKeyAlgorithms = [.. identity.SignatureAlgorithms().Select(a => (HostAlgorithm)new AgentHostAlgorithm(agent, identity, a.Algorithm, a.Flags))];
    }

    /// <summary>The agent key.</summary>
    public SshAgentIdentity Identity { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<HostAlgorithm> HostKeyAlgorithms { get; }
}
