namespace Infra.Kubernetes.Wire;

/// <summary>Which rule the API server applies to <c>metadata.name</c> of a kind.</summary>
internal enum NameRule
{
    /// <summary>A DNS-1123 subdomain (most kinds).</summary>
    Dns1123Subdomain,

    /// <summary>A DNS-1123 label (Namespace).</summary>
    Dns1123Label,

    /// <summary>An RFC 1035 label (Service).</summary>
    Rfc1035Label,

    /// <summary>A path segment (RBAC kinds, and kinds this package does not know).</summary>
    PathSegment,
}
