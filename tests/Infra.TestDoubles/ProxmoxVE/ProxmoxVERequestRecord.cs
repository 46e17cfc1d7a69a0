using System.Collections.Immutable;

namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>One request the double received (parameter values of secrets are kept: tests may check them).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path below <c>/api2/json</c>.</param>
/// <param name="Parameters">The query (GET/DELETE) or form (POST/PUT) parameters.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Error">The error message answered, if any.</param>
public sealed record ProxmoxVERequestRecord(string Method, string Path, ImmutableSortedDictionary<string, string> Parameters, int Status, string? Error);
