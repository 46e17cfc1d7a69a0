namespace Infra.Engine.State;

/// <summary>Behaviour of a <see cref="LocalBackend"/>; every default matches the Pulumi CLI's file backend.</summary>
internal sealed class LocalBackendOptions
{
    /// <summary>The default engine version written to <c>manifest.version</c>.</summary>
    public const string DefaultEngineVersion = "v0.1.0";

    /// <summary>The command the lock error tells the user to run.</summary>
    public const string DefaultCancelCommand = "pulumi cancel";

    /// <summary>The clock for every timestamp (manifest, locks, backups, history). <value>The default is <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Process id, user and host recorded in lock files. <value>The default is the real process.</value></summary>
    public IProcessIdentity ProcessIdentity { get; init; } = SystemProcessIdentity.Instance;

    /// <summary>Written to <c>manifest.version</c> (its SHA-256 becomes <c>manifest.magic</c>). <value>The default is <see cref="DefaultEngineVersion"/>.</value></summary>
    public string EngineVersion { get; init; } = DefaultEngineVersion;

    /// <summary>Write <c>&lt;stack&gt;.json.gz</c> instead of <c>.json</c> (like <c>PULUMI_DIY_BACKEND_GZIP</c>). <value>The default is false.</value></summary>
    public bool Gzip { get; init; }

    /// <summary>The save coalescing delay the <c>infra</c> command uses (see <see cref="SaveCoalescingDelay"/>).</summary>
    public static readonly TimeSpan DefaultSaveCoalescingDelay = TimeSpan.FromMilliseconds(3);

    /// <summary>
    /// How long an update session waits, once it may write, for more changes to join the same save (group
    /// commit). Every caller still returns only after its change is on disk; a short delay turns many small
    /// saves of a busy run into a few larger ones. Zero (the default) writes at once.
    /// </summary>
    public TimeSpan SaveCoalescingDelay { get; init; }

    /// <summary>Skip the copies under <c>backups/</c> (like <c>PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS</c>). <value>The default is false.</value></summary>
    public bool DisableCheckpointBackups { get; init; }

    /// <summary>The file name (without <c>.json</c>) of this process's lock files. <value>The default is a new random UUID per backend.</value></summary>
    public string? LockId { get; init; }

    /// <summary>The backend URL shown in lock errors. <value>The default is <c>file://</c> + the root directory.</value></summary>
    public string? Url { get; init; }

    /// <summary>The command named in the lock error. <value>The default is <see cref="DefaultCancelCommand"/>.</value></summary>
    public string CancelCommand { get; init; } = DefaultCancelCommand;
}
