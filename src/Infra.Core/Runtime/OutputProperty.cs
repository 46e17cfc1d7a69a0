using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Infra.Serialization;

namespace Infra.Runtime;

/// <summary>
/// An <see cref="OutputAttribute"/> property of a custom resource type, with a cached factory for its
/// pending output and a cached setter, so registration does no per-resource reflection scans.
/// </summary>
internal sealed record OutputProperty(string Name, Func<IOutputCompletionSource> CreateSource, Action<Resource, object> Assign)
{
    private static readonly ConcurrentDictionary<Type, ImmutableArray<OutputProperty>> Cache = new();

    private static readonly MethodInfo CreateSourceMethod =
        typeof(OutputProperty).GetMethod(nameof(CreateSourceOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static ImmutableArray<OutputProperty> Of(Type resourceType) => Cache.GetOrAdd(resourceType, Discover);

    private static OutputCompletionSource<T> CreateSourceOf<T>() => new();

    private static ImmutableArray<OutputProperty> Discover(Type type)
    {
        var builder = ImmutableArray.CreateBuilder<OutputProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var attribute = property.GetCustomAttribute<OutputAttribute>();
            if (attribute is null || !property.PropertyType.IsGenericType
                || property.PropertyType.GetGenericTypeDefinition() != typeof(Output<>) || property.Name == nameof(Resource.Urn))
            {
                continue;
            }

            var valueType = property.PropertyType.GetGenericArguments()[0];
            var factory = CreateSourceMethod.MakeGenericMethod(valueType).CreateDelegate<Func<IOutputCompletionSource>>();
            builder.Add(new OutputProperty(attribute.Name ?? NameConventions.ToCamelCase(property.Name), factory, SetterFor(property)));
        }

        return builder.ToImmutable();
    }

    private static Action<Resource, object> SetterFor(PropertyInfo property)
    {
        var declared = property.DeclaringType!.GetProperty(property.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (declared?.SetMethod is { } setter)
        {
            return (resource, value) => setter.Invoke(resource, [value]);
        }

        var field = property.DeclaringType.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException(
                $"Output property {property.DeclaringType.Name}.{property.Name} needs a setter (e.g. {{ get; private set; }}) so the SDK can resolve it.");
        return field.SetValue;
    }
}
