namespace Infra.Conformance.Tests.Fakes;

/// <summary>A resource the strict engine knows about, with what it answered.</summary>
/// <param name="Urn">The URN the engine assigned.</param>
/// <param name="Type">The type token.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Kind">Stack, custom, provider, component, remote component or read.</param>
/// <param name="Id">The ID the engine answered (<c>""</c> for components and for creates in preview).</param>
/// <param name="Parent">The parent URN the request named (<c>""</c> when none).</param>
/// <param name="QualifiedType">The type chain used in the URN.</param>
public sealed record RegisteredResource(
    string Urn,
    string Type,
    string Name,
    ResourceKind Kind,
    string Id,
    string Parent,
    string QualifiedType)
{
    /// <summary>Whether the resource is custom (provider-managed), including providers and reads.</summary>
    public bool IsCustom => Kind is ResourceKind.Custom or ResourceKind.Provider or ResourceKind.Read;
}
