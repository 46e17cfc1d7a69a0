namespace Infra.Engine.Providers;

/// <summary>Creates an unconfigured provider instance for a package and (optional) version.</summary>
/// <param name="package">The package name, e.g. <c>kubernetes</c>.</param>
/// <param name="version">The requested provider version (strict semver), or null when none was given.</param>
internal delegate IResourceProvider ProviderFactory(string package, string? version);
