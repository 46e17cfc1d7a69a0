using System.Globalization;

namespace Infra.Engine.Providers.Tls;

/// <summary>The renewal rule: a certificate is ready for renewal once now ≥ validityEndTime − earlyRenewalHours.</summary>
internal static class TlsRenewal
{
    /// <summary>Whether the certificate is expired or inside its early renewal window; an unreadable end time counts as ready.</summary>
    public static bool IsReady(string? validityEndTime, long earlyRenewalHours, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(validityEndTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
        {
            return true;
        }

        return now >= end.AddHours(-earlyRenewalHours);
    }
}
