using System.Text.RegularExpressions;

namespace Infra.Kubernetes.Wire;

/// <summary>
/// The Kubernetes API server's rules for names, label keys and values, and data keys. Each check returns
/// the rule text when the value breaks it, or null when it is fine.
/// </summary>
internal static partial class KubernetesRules
{
    public const string Dns1123SubdomainRule =
        "must be a DNS-1123 subdomain: at most 253 characters of lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";

    public const string Dns1123LabelRule =
        "must be a DNS-1123 label: at most 63 characters of lower-case letters, digits and '-', starting and ending with a letter or digit";

    public const string Rfc1035LabelRule =
        "must be an RFC 1035 label: at most 63 characters of lower-case letters, digits and '-', starting with a letter and ending with a letter or digit";

    public const string PathSegmentRule = "must not be empty, '.' or '..', and must not contain '/' or '%'";

    public const string QualifiedNameRule =
        "keys must be an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    public const string LabelValueRule =
        "label values must be empty or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    public const string DataKeyRule = "keys must be at most 253 letters, digits, '-', '_' and '.'";

    public static string? CheckName(string name, NameRule rule) => rule switch
    {
        NameRule.Dns1123Label => IsDns1123Label(name) ? null : Dns1123LabelRule,
        NameRule.Rfc1035Label => name.Length <= 63 && Rfc1035Label().IsMatch(name) ? null : Rfc1035LabelRule,
        NameRule.PathSegment => name is "" or "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal)
            ? PathSegmentRule
            : null,
        _ => IsDns1123Subdomain(name) ? null : Dns1123SubdomainRule,
    };

    public static bool IsDns1123Label(string value) => value.Length <= 63 && Dns1123Label().IsMatch(value);

    public static bool IsDns1123Subdomain(string value) => value.Length <= 253 && Dns1123Subdomain().IsMatch(value);

    public static bool IsQualifiedName(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = key;
        if (slash >= 0)
        {
            var prefix = key[..slash];
            name = key[(slash + 1)..];
            if (!IsDns1123Subdomain(prefix))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name);
    }

    public static bool IsLabelValue(string value) => value.Length == 0 || (value.Length <= 63 && QualifiedNamePart().IsMatch(value));

    public static bool IsDataKey(string key) => key.Length is > 0 and <= 253 && DataKey().IsMatch(key) && key is not ("." or "..");

    public static bool IsBase64(string value)
    {
        var buffer = new byte[((value.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc1035Label();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DataKey();
}
