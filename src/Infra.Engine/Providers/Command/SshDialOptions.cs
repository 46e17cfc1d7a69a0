namespace Infra.Engine.Providers.Command;

/// <summary>
/// The pause between failed SSH dials: exponential from <see cref="InitialBackoff"/>, doubling per attempt, capped at
/// <see cref="MaxBackoff"/>. A fresh VM whose sshd is not up yet is waited for, not hammered.
/// </summary>
internal sealed record SshDialOptions
{
    /// <summary>The defaults: 1 s, doubling, at most 30 s (so the default 10 dials span about 2.5 minutes of pauses).</summary>
    public static SshDialOptions Default { get; } = new();

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
