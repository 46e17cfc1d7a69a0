namespace Infra;

/// <summary>Marks an args property as a resource input and gives its exact wire name.</summary>
/// <param name="name">The property name on the wire (the provider schema name, usually camelCase).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true)]
public sealed class InputAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// When true the value is sent as a JSON string, as provider configuration does for non-string
    /// values (provider-schemas.md §0).
    /// </summary>
    public bool Json { get; init; }
}
