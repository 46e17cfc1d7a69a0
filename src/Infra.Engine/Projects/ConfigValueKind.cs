namespace Infra.Engine.Projects;

/// <summary>The shape of a <see cref="ConfigValue"/>.</summary>
internal enum ConfigValueKind
{
    /// <summary>YAML null (or an empty value).</summary>
    Null,

    /// <summary>A string scalar.</summary>
    String,

    /// <summary>A boolean scalar.</summary>
    Boolean,

    /// <summary>An integer scalar.</summary>
    Integer,

    /// <summary>A floating-point scalar.</summary>
    Float,

    /// <summary>An encrypted value, written as <c>secure: v1:...</c>.</summary>
    Secure,

    /// <summary>A map of names to values.</summary>
    Object,

    /// <summary>A list of values.</summary>
    Array,
}
