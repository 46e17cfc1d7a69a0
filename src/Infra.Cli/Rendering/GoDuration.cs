using System.Globalization;
using System.Text;

namespace Infra.Cli.Rendering;

/// <summary>Durations in the forms the Pulumi CLI prints them (Go's <c>time.Duration</c> string).</summary>
internal static class GoDuration
{
    /// <summary>Whole seconds rounded up, e.g. <c>0s</c>, <c>3s</c>, <c>10m9s</c>, <c>1h0m2s</c> (the <c>Duration:</c> line).</summary>
    public static string FormatRoundedUp(TimeSpan duration)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, duration.TotalSeconds) - 1e-9);
        return FormatSeconds(Math.Max(0, seconds));
    }

    /// <summary>A step timing: <c>0.12s</c> under one second, else rounded whole seconds (<c>3s</c>, <c>1m5s</c>).</summary>
    public static string FormatStepTiming(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.FromSeconds(1))
        {
            return Math.Max(0, elapsed.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture) + "s";
        }

        return FormatSeconds((long)Math.Round(elapsed.TotalSeconds, MidpointRounding.AwayFromZero));
    }

    private static string FormatSeconds(long totalSeconds)
    {
        var hours = totalSeconds / 3600;
        var minutes = totalSeconds % 3600 / 60;
        var seconds = totalSeconds % 60;
        var text = new StringBuilder();
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        text.Append(CultureInfo.InvariantCulture, $"{seconds}s");
        return text.ToString();
    }
}
