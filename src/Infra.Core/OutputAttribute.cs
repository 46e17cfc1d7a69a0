namespace Infra;

/// <summary>
/// Marks a resource property of type <see cref="Output{T}"/> as an output and gives its exact wire
/// name; on stacks and components it names a stack/component output.
/// </summary>
/// <param name="name">The wire name; defaults to the property name with a lower-case first letter.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute(string? name = null) : Attribute
{
    /// <summary>The wire name, or null for the property name in camelCase.</summary>
    public string? Name { get; } = name;
}
