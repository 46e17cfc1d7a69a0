using System.Collections.Immutable;
using System.Reflection;

namespace Infra;

/// <summary>
/// A logical grouping of child resources. Create children with <c>Parent = this</c> in the
/// constructor, assign the output properties, then call <see cref="RegisterOutputs()"/> as the last
/// statement.
/// </summary>
public class ComponentResource : Resource
{
    private int _outputsRegistered;

    /// <summary>Registers a component resource.</summary>
    /// <param name="type">The type token, conventionally <c>package:module:Type</c>.</param>
    /// <param name="name">The unique logical name.</param>
    /// <param name="options">The options.</param>
    public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
        : this(type, name, args: null, options, remote: false)
    {
    }

    /// <summary>Registers a component resource with inputs (recorded by the engine) or a remote component.</summary>
    /// <param name="type">The type token.</param>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    /// <param name="remote">True for a provider-implemented (multi-language) component.</param>
    public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options = null, bool remote = false)
        : base(type, name, custom: false, args, options ?? new ComponentResourceOptions(), remote)
    {
    }

    private protected ComponentResource(string type, string name, ResourceOptions options)
        : base(type, name, custom: false, args: null, options, remote: false)
    {
    }

    /// <summary>Registers the values of every property marked <see cref="OutputAttribute"/> as the component's outputs.</summary>
    protected void RegisterOutputs() => RegisterOutputs(CollectOutputProperties(this));

    /// <summary>Registers the given values as the component's outputs.</summary>
    /// <param name="outputs">Output name to value (plain values, inputs or outputs).</param>
    protected void RegisterOutputs(IDictionary<string, object?> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (Interlocked.Exchange(ref _outputsRegistered, 1) == 1)
        {
            throw new InvalidOperationException($"RegisterOutputs was already called for {this}; call it once, at the end of the constructor.");
        }

        Deployment.Current.Registrar.RegisterOutputs(this, outputs.ToImmutableDictionary());
    }

    internal static ImmutableDictionary<string, object?> CollectOutputProperties(Resource resource)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object?>();
        foreach (var property in resource.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var attribute = property.GetCustomAttribute<OutputAttribute>();
            if (attribute is null || property.DeclaringType == typeof(Resource) || property.DeclaringType == typeof(CustomResource))
            {
                continue;
            }

            var name = attribute.Name ?? Serialization.NameConventions.ToCamelCase(property.Name);
            builder[name] = property.GetValue(resource);
        }

        return builder.ToImmutable();
    }
}
