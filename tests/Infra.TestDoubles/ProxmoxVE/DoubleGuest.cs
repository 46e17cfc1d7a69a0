namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>The mutable state of a VM or container inside the double (guarded by the double's gate).</summary>
internal sealed class DoubleGuest(int vmId, string node, string kind)
{
    public int VmId { get; } = vmId;

    public string Node { get; set; } = node;

    public string Kind { get; } = kind;

    public bool Running { get; set; }

    public string? Lock { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public bool GuestAgentInstalled { get; set; } = true;

    public SortedDictionary<string, string> Config { get; } = new(StringComparer.Ordinal);

    public ProxmoxVEGuest Snapshot() => new(VmId, Node, Kind, Running, Lock, System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Config));
}
