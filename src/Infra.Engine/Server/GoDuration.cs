using System.Globalization;

namespace Infra.Engine.Server;

/// <summary>Parses Go duration strings such as <c>5m</c>, <c>1h30m</c>, <c>300s</c> or <c>1500000000ns</c> (custom timeouts).</summary>
internal static class GoDuration
{
    /// <summary>Parses <paramref name="text"/> into seconds; an empty string is 0 (the provider default).</summary>
    public static bool TryParseSeconds(string text, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return true;
        }

        var span = text.AsSpan();
        var total = 0.0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            double? factor = span[..unitLength] switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (factor is null)
            {
                return false;
            }

            total += value * factor.Value;
            span = span[unitLength..];
        }

        seconds = total;
        return true;
    }
}
