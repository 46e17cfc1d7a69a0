using System.Collections.Immutable;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>What the QEMU guest agent reported: interface names and their addresses (parallel arrays).</summary>
internal sealed record AgentReport(ImmutableArray<string> Names, ImmutableArray<ImmutableArray<string>> Ipv4, ImmutableArray<ImmutableArray<string>> Ipv6)
{
    public static AgentReport Empty { get; } = new([], [], []);
}
