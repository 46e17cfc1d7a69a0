using System.Globalization;

namespace Infra.Engine.State;

/// <summary>Timestamp formats used by the state files (Go's RFC 3339 layouts).</summary>
internal static class StateTime
{
    /// <summary>RFC 3339 with up to nanosecond precision, trailing zeros trimmed, UTC as <c>Z</c> (Go's <c>RFC3339Nano</c>).</summary>
    public static string FormatNano(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var text = utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction == 0)
        {
            return text + "Z";
        }

        var digits = fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return text + "." + digits + "Z";
    }

    /// <summary>RFC 3339 to the second, keeping the value's offset (<c>Z</c> for zero), like Go's <c>time.RFC3339</c>.</summary>
    public static string FormatSeconds(DateTimeOffset value)
    {
        var text = value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        if (value.Offset == TimeSpan.Zero)
        {
            return text + "Z";
        }

        return text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses an RFC 3339 timestamp (any fractional precision; beyond 100 ns is truncated).</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    /// <summary>Nanoseconds since the Unix epoch (Go's <c>UnixNano</c>), used in backup and history file names.</summary>
    public static long UnixNanoseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
