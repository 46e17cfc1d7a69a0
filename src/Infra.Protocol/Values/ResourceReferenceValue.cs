namespace Infra.Protocol.Values;

/// <summary>A reference to a resource by URN, with its ID for custom resources.</summary>
/// <param name="Urn">The referenced resource's URN.</param>
/// <param name="Id">The ID of a custom resource; <c>""</c> means unknown; <see langword="null"/> for components.</param>
/// <param name="PackageVersion">The provider package version, if known.</param>
public sealed record ResourceReferenceValue(string Urn, string? Id = null, string? PackageVersion = null);
