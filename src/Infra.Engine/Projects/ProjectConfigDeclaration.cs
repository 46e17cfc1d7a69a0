namespace Infra.Engine.Projects;

/// <summary>
/// One entry of the project-level <c>config</c> block of <c>Pulumi.yaml</c>: a typed declaration
/// (<c>type</c>, <c>items</c>, <c>description</c>, <c>secret</c>, <c>default</c>) for a project key,
/// or a <c>value</c> for any key. Short forms are normalised when loading: a bare scalar or array is
/// a <see cref="Default"/> for a project key and a <see cref="Value"/> for any other key.
/// </summary>
internal sealed class ProjectConfigDeclaration
{
    /// <summary>The full key (bare keys get the project namespace).</summary>
    public required ConfigKey Key { get; init; }

    /// <summary>The declared type, if any.</summary>
    public ProjectConfigType? Type { get; init; }

    /// <summary>Free text shown to users.</summary>
    public string? Description { get; init; }

    /// <summary>True when the stack value must be encrypted.</summary>
    public bool Secret { get; init; }

    /// <summary>The value used when the stack does not set the key (project keys only).</summary>
    public ConfigValue? Default { get; init; }

    /// <summary>The value used when the stack does not set the key (the only form for other namespaces).</summary>
    public ConfigValue? Value { get; init; }

    /// <summary><see cref="Value"/> or <see cref="Default"/>, whichever is given.</summary>
    public ConfigValue? EffectiveDefault => Value ?? Default;

    /// <summary>Describes the declaration without showing any value.</summary>
    public override string ToString()
    {
        var type = Type is null ? string.Empty : $" ({Type})";
        var fallback = EffectiveDefault is null ? string.Empty : " with a default";
        return $"{Key}{type}{(Secret ? " secret" : string.Empty)}{fallback}";
    }
}
