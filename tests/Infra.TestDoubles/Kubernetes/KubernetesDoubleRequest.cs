namespace Infra.TestDoubles.Kubernetes;

/// <summary>One request the Kubernetes API double received (for assertions on the wire).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The URL path.</param>
/// <param name="Query">The query string, including the leading '?', or empty.</param>
/// <param name="ContentType">The request content type, or null.</param>
/// <param name="StatusCode">The status code the double answered with (0 when the connection was aborted).</param>
public sealed record KubernetesDoubleRequest(string Method, string Path, string Query, string? ContentType, int StatusCode);
