using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>Name, label and annotation rules of the Kubernetes API, and the provider's autonaming (§1.3).</summary>
internal static partial class KubernetesNames
{
    /// <summary>The length of the random-looking autoname suffix.</summary>
    public const int SuffixLength = 8;

    /// <summary>Why <paramref name="value"/> breaks <paramref name="rule"/>, or null when it is valid.</summary>
    public static string? Validate(string value, KubernetesNameRule rule) => rule switch
    {
        KubernetesNameRule.Label => value.Length > 63 || !Label().IsMatch(value)
            ? "must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit"
            : null,
        KubernetesNameRule.Rfc1035Label => value.Length > 63 || !Rfc1035Label().IsMatch(value)
            ? "must be an RFC 1035 label: at most 63 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit"
            : null,
        KubernetesNameRule.PathSegment => value.Length == 0 || value is "." or ".." || value.Contains('/', StringComparison.Ordinal) || value.Contains('%', StringComparison.Ordinal)
            ? "must be a valid path segment name: not empty, not '.' or '..', and without '/' or '%'"
            : null,
        _ => value.Length > 253 || !Subdomain().IsMatch(value)
            ? "must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"
            : null,
    };

    /// <summary>Why a label or annotation key is invalid, or null (optional DNS subdomain prefix, '/', name of at most 63 characters).</summary>
    public static string? ValidateKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0 || prefix.Length > 253 || !Subdomain().IsMatch(prefix))
            {
                return "must have an optional prefix that is a DNS-1123 subdomain (lowercase, at most 253 characters) followed by '/'";
            }
        }

        return name.Length is 0 or > 63 || !QualifiedName().IsMatch(name)
            ? "must be a qualified name: at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit, with an optional 'prefix/'"
            : null;
    }

    /// <summary>Why a label value is invalid, or null (empty, or at most 63 characters like a qualified name).</summary>
    public static string? ValidateLabelValue(string value) =>
        value.Length == 0 || (value.Length <= 63 && QualifiedName().IsMatch(value))
            ? null
            : "must be empty or at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    /// <summary>
    /// An autoname <c>&lt;base&gt;-&lt;8 hex&gt;</c>. The suffix is derived from <paramref name="seed"/> (the URN and the
    /// inputs), so the same program gets the same name in preview and in the update that follows it.
    /// </summary>
    public static string Autoname(string baseName, string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return baseName + "-" + Convert.ToHexStringLower(hash)[..SuffixLength];
    }

    /// <summary>A short stable hex hash of <paramref name="text"/> (field manager names).</summary>
    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..SuffixLength];

    /// <summary>Parses a positive integer annotation value.</summary>
    public static bool TryParsePositive(string value, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result > 0;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc1035Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();
}
