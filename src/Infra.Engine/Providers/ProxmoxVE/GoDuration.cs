using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Parses Go-style durations such as <c>15m</c>, <c>90s</c> or <c>1h30m</c> (the provider's <c>agent.timeout</c>).</summary>
internal static partial class GoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!WholePattern().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in PartPattern().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return true;
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex PartPattern();
}
