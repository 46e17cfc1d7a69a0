using System.Text.RegularExpressions;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>Format rules for the scalar fields the engine parses: type tokens, versions, durations.</summary>
public static partial class WireFormatRules
{
    /// <summary>Whether <paramref name="token"/> has exactly three non-empty <c>:</c>-separated parts (<c>pkg:module:Type</c>).</summary>
    /// <param name="token">A resource type or function token.</param>
    public static bool IsThreePartToken(string token)
    {
        var parts = token.Split(':');
        return parts.Length == 3 && parts.All(part => part.Length > 0);
    }

    /// <summary>The package of a token: its first <c>:</c> segment.</summary>
    /// <param name="token">A resource type or function token.</param>
    public static string PackageOf(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? token : token[..colon];
    }

    /// <summary>Whether <paramref name="version"/> is strict semver 2.0.0 without a leading <c>v</c>.</summary>
    /// <param name="version">The version text.</param>
    public static bool IsStrictSemver(string version) => SemverPattern().IsMatch(version);

    /// <summary>Whether <paramref name="duration"/> parses as a Go duration (<c>time.ParseDuration</c>).</summary>
    /// <param name="duration">The duration text, e.g. <c>5m</c>, <c>1h30m</c>, <c>1500000000ns</c>.</param>
    public static bool IsGoDuration(string duration) =>
        duration is "0" or "+0" or "-0" || GoDurationPattern().IsMatch(duration);

    [GeneratedRegex(
        @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex SemverPattern();

    [GeneratedRegex(@"^[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoDurationPattern();
}
