using System.Collections.Immutable;

namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>A snapshot of a VM or container held by the double.</summary>
/// <param name="VmId">The id.</param>
/// <param name="Node">The node.</param>
/// <param name="Kind"><c>qemu</c> or <c>lxc</c>.</param>
/// <param name="Running">Whether it runs.</param>
/// <param name="Lock">The config lock (<c>clone</c>, <c>create</c>, ...), or null.</param>
/// <param name="Config">The configuration as the API returns it.</param>
public sealed record ProxmoxVEGuest(int VmId, string Node, string Kind, bool Running, string? Lock, ImmutableSortedDictionary<string, string> Config);
