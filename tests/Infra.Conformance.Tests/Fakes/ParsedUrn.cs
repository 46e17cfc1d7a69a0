namespace Infra.Conformance.Tests.Fakes;

/// <summary>The four segments of a strictly parsed URN (pulumi-protocol.md §8).</summary>
/// <param name="Stack">Segment 0 after <c>urn:pulumi:</c>.</param>
/// <param name="Project">Segment 1.</param>
/// <param name="QualifiedType">Segment 2: the type chain joined with <c>$</c>.</param>
/// <param name="Name">Everything after the third <c>::</c>.</param>
public sealed record ParsedUrn(string Stack, string Project, string QualifiedType, string Name)
{
    /// <summary>The plain type: the last <c>$</c> part of the qualified type.</summary>
    public string Type => QualifiedType[(QualifiedType.LastIndexOf('$') + 1)..];
}
