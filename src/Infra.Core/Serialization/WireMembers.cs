using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Infra.Serialization;

/// <summary>
/// Reflection over the members of a type, cached per type: args use <see cref="InputAttribute"/> names,
/// output types <see cref="OutputAttribute"/>, other objects <see cref="JsonPropertyNameAttribute"/> or the
/// camelCase member name.
/// </summary>
internal static class WireMembers
{
    private static readonly ConcurrentDictionary<Type, ImmutableArray<WireMember>> Cache = new();

    public static ImmutableArray<WireMember> Of(Type type) => Cache.GetOrAdd(type, Discover);

    private static ImmutableArray<WireMember> Discover(Type type)
    {
        var isArgs = typeof(InputArgs).IsAssignableFrom(type);
        var builder = ImmutableArray.CreateBuilder<WireMember>();
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var input = property.GetCustomAttribute<InputAttribute>();
            if (input is not null)
            {
                builder.Add(new WireMember(input.Name, property, input.Json));
                continue;
            }

            if (isArgs || !property.GetMethod.IsPublic || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = property.GetCustomAttribute<OutputAttribute>()?.Name
                ?? property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? NameConventions.ToCamelCase(property.Name);
            builder.Add(new WireMember(name, property, Json: false));
        }

        return builder.ToImmutable();
    }
}
