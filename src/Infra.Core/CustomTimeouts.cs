namespace Infra;

/// <summary>How long the engine waits for each operation on a resource before failing it.</summary>
public sealed class CustomTimeouts
{
    /// <summary>Timeout of create.</summary>
    public TimeSpan? Create { get; init; }

    /// <summary>Timeout of update.</summary>
    public TimeSpan? Update { get; init; }

    /// <summary>Timeout of delete.</summary>
    public TimeSpan? Delete { get; init; }

    /// <summary>Timeout of read (refresh).</summary>
    public TimeSpan? Read { get; init; }

    /// <summary>Formats a timeout as a Go duration string (whole nanoseconds), as the engine parses it.</summary>
    internal static string ToGoDuration(TimeSpan? value) =>
        value is { } v ? $"{v.Ticks * 100}ns" : string.Empty;
}
