using System.Text.RegularExpressions;

namespace Infra.Runtime;

/// <summary>Strict semantic versions as the engine parses them (no leading <c>v</c>).</summary>
internal static partial class Semver
{
    public static bool IsValid(string version) => StrictPattern().IsMatch(version);

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex StrictPattern();
}
