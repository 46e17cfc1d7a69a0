using System.Text.RegularExpressions;

namespace Infra.TestDoubles.Kubernetes;

/// <summary>The API server's name validation (RFC 1123 labels/subdomains, path segments for RBAC).</summary>
public static partial class KubernetesDoubleNames
{
    /// <summary>The API server's complaint about <paramref name="name"/>, or null when it is valid.</summary>
    public static string? Validate(KubernetesDoubleResourceType type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(name);
        if (type.Group == "rbac.authorization.k8s.io")
        {
            return name.Length == 0 || name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal)
                ? "may not contain '/' or '%' and may not be '.' or '..'"
                : null;
        }

        if (type.Group.Length == 0 && type.Kind is "Namespace" or "Service")
        {
            return name.Length <= 63 && Label().IsMatch(name)
                ? null
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
        }

        return name.Length <= 253 && Subdomain().IsMatch(name)
            ? null
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
