namespace Infra.Engine.Projects;

/// <summary>The declared <c>type</c> of a project-level config key.</summary>
internal enum ProjectConfigTypeKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>integer</c>.</summary>
    Integer,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>array</c> (with <c>items</c>).</summary>
    Array,

    /// <summary><c>object</c>.</summary>
    Object,
}
