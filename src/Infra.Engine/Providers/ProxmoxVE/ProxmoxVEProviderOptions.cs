namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Tuning of the built-in proxmoxve provider (defaults suit a real cluster; tests shorten them).</summary>
internal sealed record ProxmoxVEProviderOptions
{
    /// <summary>The first task-status poll interval; later polls wait a tenth of the time already waited.</summary>
    public TimeSpan TaskPollMinimum { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest task-status poll interval.</summary>
    public TimeSpan TaskPollMaximum { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The first backoff after a lock timeout ("can't lock file ... got timeout"); doubles per retry.</summary>
    public TimeSpan LockRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Clone retries on lock timeouts when <c>clone.retries</c> is not set.</summary>
    public int DefaultCloneRetries { get; init; } = 3;

    /// <summary>How often a taken VM id is replaced by a fresh one before giving up.</summary>
    public int VmIdAttempts { get; init; } = 5;

    /// <summary>How often the guest agent is asked for addresses while waiting.</summary>
    public TimeSpan AgentPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Clones that may run at once from one template or onto one storage (Proxmox locks both).</summary>
    public int ClonesPerTemplate { get; init; } = 1;

    /// <summary>Reads environment variables (<c>PROXMOX_VE_*</c>) for config not given explicitly.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
