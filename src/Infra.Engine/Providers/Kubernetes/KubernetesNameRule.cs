namespace Infra.Engine.Providers.Kubernetes;

/// <summary>The name rules of the Kubernetes API (identifiers design doc).</summary>
internal enum KubernetesNameRule
{
    /// <summary>DNS-1123 subdomain: at most 253 characters, lowercase alphanumerics, '-' and '.', alphanumeric at both ends.</summary>
    Subdomain,

    /// <summary>DNS-1123 label: at most 63 characters, lowercase alphanumerics and '-', alphanumeric at both ends.</summary>
    Label,

    /// <summary>Path segment (RBAC): anything but '/' and '%', and not '.' or '..'.</summary>
    PathSegment,

    /// <summary>RFC 1035 label (Services): a DNS-1123 label that starts with a letter.</summary>
    Rfc1035Label,
}
