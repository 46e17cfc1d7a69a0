namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>How the Proxmox VE double behaves: credentials, timing and Proxmox's lock semantics.</summary>
public sealed class ProxmoxVEDoubleOptions
{
    /// <summary>The clock used for task durations and lock timeouts (the system clock by default).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The token id part of the accepted API token (<c>USER@REALM!TOKENID</c>).</summary>
    public string TokenId { get; init; } = "root@pam!infra";

    /// <summary>The secret (UUID) part of the accepted API token.</summary>
    public string TokenSecret { get; init; } = "5b2d3d4e-8f1a-4c6b-9e7d-0a1b2c3d4e5f";

    /// <summary>The user accepted by <c>POST /access/ticket</c>.</summary>
    public string Username { get; init; } = "root@pam";

    /// <summary>The password accepted by <c>POST /access/ticket</c>.</summary>
    public string Password { get; init; } = "pve-password";

    /// <summary>The nodes of the cluster; each has the bridges <see cref="Bridges"/> and the storages <see cref="Storages"/>.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = ["pve"];

    /// <summary>The bridges on every node.</summary>
    public IReadOnlyList<string> Bridges { get; init; } = ["vmbr0", "vmbr1"];

    /// <summary>The storages on every node and the content types they allow.</summary>
    public IReadOnlyDictionary<string, string> Storages { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["local"] = "iso,vztmpl,backup,snippets,import",
        ["local-lvm"] = "images,rootdir",
        ["ceph"] = "images,rootdir",
    };

    /// <summary>How long a clone task holds the template and storage locks.</summary>
    public TimeSpan CloneDuration { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long any other task runs (unless set per task type with <see cref="ProxmoxVEDouble.SetTaskDuration"/>).</summary>
    public TimeSpan TaskDuration { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How long a task waits for a lock before it fails with
    /// <c>can't lock file '/var/lock/qemu-server/lock-&lt;id&gt;.conf' - got timeout</c> (Proxmox waits 10 s).
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a start the guest agent of a VM with the agent enabled answers.</summary>
    public TimeSpan GuestAgentStartDelay { get; init; } = TimeSpan.FromMilliseconds(20);
}
