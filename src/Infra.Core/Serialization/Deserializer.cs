using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Serialization;

/// <summary>
/// Converts received <see cref="PropertyValue"/>s into C# values of a target type, with range checks
/// on numbers and errors that name the value's path.
/// </summary>
internal static class Deserializer
{
    private static readonly ConcurrentDictionary<Type, Func<List<object?>, object>> ArrayFactories = new();
    private static readonly ConcurrentDictionary<Type, Func<List<KeyValuePair<string, object?>>, object>> DictionaryFactories = new();
    private static readonly MethodInfo CreateImmutableArrayMethod =
        typeof(Deserializer).GetMethod(nameof(CreateImmutableArray), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CreateImmutableDictionaryMethod =
        typeof(Deserializer).GetMethod(nameof(CreateImmutableDictionary), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Resolves the data of an output from a received value (null = absent).</summary>
    public static OutputData<T> ToOutputData<T>(PropertyValue? value, bool isPreview, ImmutableHashSet<Resource> resources, string context)
    {
        var untyped = ToOutputData(typeof(T), value, isPreview, resources, context);
        return new OutputData<T>(untyped.Value is T typed ? typed : default!, untyped.IsKnown, untyped.IsSecret, resources);
    }

    public static OutputData<object?> ToOutputData(Type type, PropertyValue? value, bool isPreview, ImmutableHashSet<Resource> resources, string context)
    {
        if (value is null)
        {
            return isPreview
                ? OutputData<object?>.Unknown(false, resources)
                : OutputData<object?>.Known(DefaultOf(type), false, resources);
        }

        var isSecret = value.ContainsSecrets;
        if (value.ContainsUnknowns)
        {
            return OutputData<object?>.Unknown(isSecret, resources);
        }

        return OutputData<object?>.Known(Convert(type, Unwrap(value), context), isSecret, resources);
    }

    /// <summary>Converts a plain value (no unknowns; secrets are unwrapped) to <paramref name="type"/>.</summary>
    public static object? Convert(Type type, PropertyValue value, string context)
    {
        value = Unwrap(value);
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.IsNull)
        {
            return DefaultOf(type);
        }

        if (underlying is not null)
        {
            type = underlying;
        }

        if (type == typeof(object))
        {
            return ToPlainObject(value);
        }

        if (type == typeof(PropertyValue))
        {
            return value;
        }

        if (typeof(Resource).IsAssignableFrom(type))
        {
            return ToResource(type, value, context);
        }

        if (type == typeof(string))
        {
            return value.Kind switch
            {
                PropertyValueKind.String => value.StringValue,
                PropertyValueKind.ResourceReference => value.ResourceReferenceValue.Id is { Length: > 0 } id ? id : value.ResourceReferenceValue.Urn,
                _ => throw Mismatch(context, "a string", value),
            };
        }

        if (type == typeof(bool))
        {
            return value.Kind == PropertyValueKind.Bool ? value.BoolValue : throw Mismatch(context, "a bool", value);
        }

        if (type.IsEnum)
        {
            return ToEnum(type, value, context);
        }

        if (IsNumeric(type))
        {
            return ToNumber(type, value, context);
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse(PlainJson.Write(value)).RootElement.Clone();
        }

        if (type.IsArray)
        {
            var items = ToItems(type.GetElementType()!, value, context);
            var array = Array.CreateInstance(type.GetElementType()!, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(ImmutableArray<>))
            {
                var items = ToItems(arguments[0], value, context);
                return ArrayFactories.GetOrAdd(arguments[0], t => CreateImmutableArrayMethod.MakeGenericMethod(t).CreateDelegate<Func<List<object?>, object>>())(items);
            }

            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
                foreach (var item in ToItems(arguments[0], value, context))
                {
                    list.Add(item);
                }

                return list;
            }

            if (arguments.Length == 2 && arguments[0] == typeof(string)
                && (definition == typeof(ImmutableDictionary<,>) || definition == typeof(Dictionary<,>)
                    || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            {
                var members = ToMembers(arguments[1], value, context);
                if (definition == typeof(ImmutableDictionary<,>))
                {
                    return DictionaryFactories.GetOrAdd(arguments[1], t => CreateImmutableDictionaryMethod.MakeGenericMethod(t)
                        .CreateDelegate<Func<List<KeyValuePair<string, object?>>, object>>())(members);
                }

                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), arguments[1]))!;
                foreach (var (key, member) in members)
                {
                    dictionary[key] = member;
                }

                return dictionary;
            }
        }

        if (value.Kind != PropertyValueKind.Object)
        {
            throw Mismatch(context, $"an object ({type.Name})", value);
        }

        return ToComplex(type, value, context);
    }

    internal static object? DefaultOf(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return type.GetField(nameof(ImmutableArray<int>.Empty))!.GetValue(null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>))
        {
            return type.GetField(nameof(ImmutableDictionary<string, int>.Empty))!.GetValue(null);
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    internal static object? ToPlainObject(PropertyValue value)
    {
        value = Unwrap(value);
        return value.Kind switch
        {
            PropertyValueKind.Null => null,
            PropertyValueKind.Bool => value.BoolValue,
            PropertyValueKind.Number => value.NumberValue,
            PropertyValueKind.String => value.StringValue,
            PropertyValueKind.Array => value.ArrayValue.Select(ToPlainObject).ToImmutableArray(),
            PropertyValueKind.Object => value.ObjectValue.ToImmutableDictionary(p => p.Key, p => ToPlainObject(p.Value)),
            PropertyValueKind.ResourceReference => value.ResourceReferenceValue.Id is { Length: > 0 } id ? id : value.ResourceReferenceValue.Urn,
            PropertyValueKind.Output => value.OutputValue.Value is { } inner ? ToPlainObject(inner) : null,
            _ => value,
        };
    }

    private static PropertyValue Unwrap(PropertyValue value)
    {
        while (true)
        {
            switch (value.Kind)
            {
                case PropertyValueKind.Secret:
                    value = value.SecretValue;
                    continue;
                case PropertyValueKind.Output when value.OutputValue.Value is { } inner:
                    value = inner;
                    continue;
                default:
                    return value;
            }
        }
    }

    #pragma warning disable CA1859 // boxed on purpose: these back cached Func<..., object> delegates
    private static object CreateImmutableArray<T>(List<object?> items) => ImmutableArray.CreateRange(items.Cast<T>());

    private static object CreateImmutableDictionary<T>(List<KeyValuePair<string, object?>> members) =>
        members.ToImmutableDictionary(p => p.Key, p => (T)p.Value!);
#pragma warning restore CA1859

    private static List<object?> ToItems(Type itemType, PropertyValue value, string context)
    {
        if (value.Kind != PropertyValueKind.Array)
        {
            throw Mismatch(context, "a list", value);
        }

        return value.ArrayValue.Select((item, i) => Convert(itemType, item, $"{context}[{i}]")).ToList();
    }

    private static List<KeyValuePair<string, object?>> ToMembers(Type valueType, PropertyValue value, string context)
    {
        if (value.Kind != PropertyValueKind.Object)
        {
            throw Mismatch(context, "a map", value);
        }

        return value.ObjectValue.Select(p => KeyValuePair.Create(p.Key, Convert(valueType, p.Value, $"{context}.{p.Key}"))).ToList();
    }

    private static object ToComplex(Type type, PropertyValue value, string context)
    {
        var members = WireMembers.Of(type);
        var constructor = type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().Length > 0
                && c.GetParameters().All(p => members.Any(m => string.Equals(m.Property.Name, p.Name, StringComparison.OrdinalIgnoreCase))));
        object instance;
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        if (constructor is not null)
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var member = members.First(m => string.Equals(m.Property.Name, parameters[i].Name, StringComparison.OrdinalIgnoreCase));
                arguments[i] = value.ObjectValue.TryGetValue(member.Name, out var raw)
                    ? Convert(parameters[i].ParameterType, raw, $"{context}.{member.Name}")
                    : DefaultOf(parameters[i].ParameterType);
                assigned.Add(member.Property.Name);
            }

            instance = constructor.Invoke(arguments);
        }
        else
        {
            instance = Activator.CreateInstance(type, nonPublic: true)
                ?? throw new InvalidOperationException($"{context}: cannot create {type}.");
        }

        foreach (var member in members)
        {
            if (assigned.Contains(member.Property.Name) || member.Property.SetMethod is null
                || !value.ObjectValue.TryGetValue(member.Name, out var raw))
            {
                continue;
            }

            member.Property.SetValue(instance, Convert(member.Type, raw, $"{context}.{member.Name}"));
        }

        return instance;
    }

    private static Runtime.DependencyResource ToResource(Type type, PropertyValue value, string context)
    {
        if (value.Kind != PropertyValueKind.ResourceReference)
        {
            throw Mismatch(context, "a resource reference", value);
        }

        var reference = value.ResourceReferenceValue;
        if (type != typeof(Resource))
        {
            throw new InvalidDataException(
                $"{context}: a reference to '{reference.Urn}' can only be received as Resource (typed resources are not rehydrated), not {type.Name}.");
        }

        return new Runtime.DependencyResource(reference.Urn, reference.Id);
    }

    private static object ToEnum(Type type, PropertyValue value, string context)
    {
        if (value.Kind == PropertyValueKind.Number)
        {
            return Enum.ToObject(type, (long)value.NumberValue);
        }

        if (value.Kind != PropertyValueKind.String)
        {
            throw Mismatch(context, $"a {type.Name} value", value);
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            if (string.Equals(wire, value.StringValue, StringComparison.OrdinalIgnoreCase))
            {
                return field.GetValue(null)!;
            }
        }

        throw new InvalidDataException($"{context}: '{value.StringValue}' is not a valid {type.Name}.");
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float)
        || type == typeof(decimal) || type == typeof(short) || type == typeof(byte) || type == typeof(uint)
        || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    private static object ToNumber(Type type, PropertyValue value, string context)
    {
        if (value.Kind != PropertyValueKind.Number)
        {
            throw Mismatch(context, $"a number ({type.Name})", value);
        }

        var number = value.NumberValue;
        if (type == typeof(double))
        {
            return number;
        }

        if (type == typeof(float))
        {
            return (float)number;
        }

        if (type == typeof(decimal))
        {
            return (decimal)number;
        }

        if (number != Math.Floor(number))
        {
            throw new InvalidDataException($"{context}: expected a whole number ({type.Name}) but got {number.ToString(CultureInfo.InvariantCulture)}.");
        }

        try
        {
            return System.Convert.ChangeType(checked((decimal)number), type, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{context}: {number.ToString(CultureInfo.InvariantCulture)} does not fit in {type.Name}.");
        }
    }

    private static InvalidDataException Mismatch(string context, string expected, PropertyValue value) =>
        new($"{context}: expected {expected} but got a {value.Kind.ToString().ToLowerInvariant()}.");
}
