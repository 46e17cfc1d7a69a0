namespace Infra;

/// <summary>
/// A former identity of a resource, so that renaming or re-parenting it moves the existing resource
/// instead of replacing it. Unset fields mean "same as now".
/// </summary>
public sealed class Alias
{
    /// <summary>A full former URN; when set, the other fields are ignored.</summary>
    public string? Urn { get; init; }

    /// <summary>The former name.</summary>
    public string? Name { get; init; }

    /// <summary>The former type token.</summary>
    public string? Type { get; init; }

    /// <summary>The former stack.</summary>
    public string? Stack { get; init; }

    /// <summary>The former project.</summary>
    public string? Project { get; init; }

    /// <summary>The former parent resource.</summary>
    public Resource? Parent { get; init; }

    /// <summary>The former parent's URN.</summary>
    public string? ParentUrn { get; init; }

    /// <summary>True when the resource formerly had no parent.</summary>
    public bool NoParent { get; init; }
}
