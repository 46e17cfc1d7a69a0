using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Infra.Protocol.Values;

/// <summary>
/// One property value as the Pulumi protocol knows it: plain JSON-like values plus secrets, unknowns,
/// assets, archives, resource references and output values. Immutable, with structural equality, so
/// the engine can diff it and both sides share one exact wire encoding (<see cref="StructEncoding"/>).
/// </summary>
public sealed class PropertyValue : IEquatable<PropertyValue>
{
    private readonly object? _value;

    private PropertyValue(PropertyValueKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>The null value.</summary>
    public static PropertyValue Null { get; } = new(PropertyValueKind.Null, null);

    /// <summary>The boolean <see langword="true"/>.</summary>
    public static PropertyValue True { get; } = new(PropertyValueKind.Bool, true);

    /// <summary>The boolean <see langword="false"/>.</summary>
    public static PropertyValue False { get; } = new(PropertyValueKind.Bool, false);

    /// <summary>The canonical unknown value (typed as string).</summary>
    public static PropertyValue Unknown { get; } = new(PropertyValueKind.Unknown, UnknownKind.String);

    /// <summary>An empty object.</summary>
    public static PropertyValue EmptyObject { get; } =
        new(PropertyValueKind.Object, ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>What this value holds.</summary>
    public PropertyValueKind Kind { get; }

    /// <summary>Whether this is the null value.</summary>
    public bool IsNull => Kind == PropertyValueKind.Null;

    /// <summary>The bool held by a <see cref="PropertyValueKind.Bool"/> value.</summary>
    public bool BoolValue => As<bool>(PropertyValueKind.Bool);

    /// <summary>The number held by a <see cref="PropertyValueKind.Number"/> value.</summary>
    public double NumberValue => As<double>(PropertyValueKind.Number);

    /// <summary>The string held by a <see cref="PropertyValueKind.String"/> value.</summary>
    public string StringValue => As<string>(PropertyValueKind.String);

    /// <summary>The items of an <see cref="PropertyValueKind.Array"/> value.</summary>
    public ImmutableArray<PropertyValue> ArrayValue => As<ImmutableArray<PropertyValue>>(PropertyValueKind.Array);

    /// <summary>The members of an <see cref="PropertyValueKind.Object"/> value, sorted by key (ordinal).</summary>
    public ImmutableSortedDictionary<string, PropertyValue> ObjectValue =>
        As<ImmutableSortedDictionary<string, PropertyValue>>(PropertyValueKind.Object);

    /// <summary>The asset held by an <see cref="PropertyValueKind.Asset"/> value.</summary>
    public AssetValue AssetValue => As<AssetValue>(PropertyValueKind.Asset);

    /// <summary>The archive held by an <see cref="PropertyValueKind.Archive"/> value.</summary>
    public ArchiveValue ArchiveValue => As<ArchiveValue>(PropertyValueKind.Archive);

    /// <summary>The value wrapped by a <see cref="PropertyValueKind.Secret"/> value.</summary>
    public PropertyValue SecretValue => As<PropertyValue>(PropertyValueKind.Secret);

    /// <summary>The kind of an <see cref="PropertyValueKind.Unknown"/> value.</summary>
    public UnknownKind UnknownKind => As<UnknownKind>(PropertyValueKind.Unknown);

    /// <summary>The reference held by a <see cref="PropertyValueKind.ResourceReference"/> value.</summary>
    public ResourceReferenceValue ResourceReferenceValue => As<ResourceReferenceValue>(PropertyValueKind.ResourceReference);

    /// <summary>The output held by an <see cref="PropertyValueKind.Output"/> value.</summary>
    public OutputPropertyValue OutputValue => As<OutputPropertyValue>(PropertyValueKind.Output);

    /// <summary>Whether this value, or anything inside it, is unknown.</summary>
    public bool ContainsUnknowns => Kind switch
    {
        PropertyValueKind.Unknown => true,
        PropertyValueKind.Secret => SecretValue.ContainsUnknowns,
        PropertyValueKind.Array => ArrayValue.Any(v => v.ContainsUnknowns),
        PropertyValueKind.Object => ObjectValue.Values.Any(v => v.ContainsUnknowns),
        PropertyValueKind.Output => !OutputValue.IsKnown || OutputValue.Value!.ContainsUnknowns,
        PropertyValueKind.Archive => ArchiveValue.Assets?.Values.Any(v => v.ContainsUnknowns) ?? false,
        _ => false,
    };

    /// <summary>Whether this value, or anything inside it, is secret.</summary>
    public bool ContainsSecrets => Kind switch
    {
        PropertyValueKind.Secret => true,
        PropertyValueKind.Array => ArrayValue.Any(v => v.ContainsSecrets),
        PropertyValueKind.Object => ObjectValue.Values.Any(v => v.ContainsSecrets),
        PropertyValueKind.Output => OutputValue.IsSecret || (OutputValue.Value?.ContainsSecrets ?? false),
        _ => false,
    };

    /// <summary>Creates a bool value.</summary>
    /// <param name="value">The bool.</param>
    public static PropertyValue Create(bool value) => value ? True : False;

    /// <summary>Creates a number value. NaN and infinities cannot travel on the wire and are refused.</summary>
    /// <param name="value">The number.</param>
    public static PropertyValue Create(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A property number must be finite (NaN and infinity have no wire form).");
        }

        return new PropertyValue(PropertyValueKind.Number, value);
    }

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    public static PropertyValue Create(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new PropertyValue(PropertyValueKind.String, value);
    }

    /// <summary>Creates an array value.</summary>
    /// <param name="items">The items, in order.</param>
    public static PropertyValue CreateArray(IEnumerable<PropertyValue> items) =>
        new(PropertyValueKind.Array, items.ToImmutableArray());

    /// <summary>Creates an object value; keys are kept in ordinal order.</summary>
    /// <param name="members">The members.</param>
    public static PropertyValue CreateObject(IEnumerable<KeyValuePair<string, PropertyValue>> members) =>
        new(PropertyValueKind.Object, members.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>Wraps <paramref name="value"/> as a secret. Wrapping a secret again returns it unchanged.</summary>
    /// <param name="value">The value to protect.</param>
    public static PropertyValue CreateSecret(PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind == PropertyValueKind.Secret ? value : new PropertyValue(PropertyValueKind.Secret, value);
    }

    /// <summary>Creates an unknown value of the given kind.</summary>
    /// <param name="kind">What the value will be once known.</param>
    public static PropertyValue CreateUnknown(UnknownKind kind = UnknownKind.String) =>
        kind == UnknownKind.String ? Unknown : new PropertyValue(PropertyValueKind.Unknown, kind);

    /// <summary>Creates an asset value.</summary>
    /// <param name="asset">The asset.</param>
    public static PropertyValue CreateAsset(AssetValue asset) => new(PropertyValueKind.Asset, asset ?? throw new ArgumentNullException(nameof(asset)));

    /// <summary>Creates an archive value.</summary>
    /// <param name="archive">The archive.</param>
    public static PropertyValue CreateArchive(ArchiveValue archive) => new(PropertyValueKind.Archive, archive ?? throw new ArgumentNullException(nameof(archive)));

    /// <summary>Creates a resource reference value.</summary>
    /// <param name="reference">The reference.</param>
    public static PropertyValue CreateResourceReference(ResourceReferenceValue reference) =>
        new(PropertyValueKind.ResourceReference, reference ?? throw new ArgumentNullException(nameof(reference)));

    /// <summary>Creates an output value.</summary>
    /// <param name="output">The output.</param>
    public static PropertyValue CreateOutput(OutputPropertyValue output) =>
        new(PropertyValueKind.Output, output ?? throw new ArgumentNullException(nameof(output)));

    /// <summary>Removes every secret envelope, at any depth. Used only where plaintext is the point (e.g. providers).</summary>
    public PropertyValue WithoutSecrets() => Kind switch
    {
        PropertyValueKind.Secret => SecretValue.WithoutSecrets(),
        PropertyValueKind.Array => CreateArray(ArrayValue.Select(v => v.WithoutSecrets())),
        PropertyValueKind.Object => CreateObject(ObjectValue.Select(p => KeyValuePair.Create(p.Key, p.Value.WithoutSecrets()))),
        _ => this,
    };

    /// <inheritdoc/>
    public bool Equals(PropertyValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            PropertyValueKind.Null => true,
            PropertyValueKind.Array => ArrayValue.SequenceEqual(other.ArrayValue),
            PropertyValueKind.Object => MapsEqual(ObjectValue, other.ObjectValue),
            _ => Equals(_value, other._value),
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PropertyValue);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        PropertyValueKind.Array => HashCode.Combine(Kind, ArrayValue.Length),
        PropertyValueKind.Object => HashCode.Combine(Kind, ObjectValue.Count),
        _ => HashCode.Combine(Kind, _value),
    };

    /// <summary>A diagnostic rendering. Secrets are shown as <c>[secret]</c>, never in plaintext.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Render(builder);
        return builder.ToString();
    }

    internal static bool MapsEqual(
        ImmutableSortedDictionary<string, PropertyValue>? left,
        ImmutableSortedDictionary<string, PropertyValue>? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    private T As<T>(PropertyValueKind expected)
    {
        if (Kind != expected)
        {
            throw new InvalidOperationException($"The property value is a {Kind}, not a {expected}.");
        }

        return (T)_value!;
    }

    private void Render(StringBuilder builder)
    {
        switch (Kind)
        {
            case PropertyValueKind.Null:
                builder.Append("null");
                break;
            case PropertyValueKind.Bool:
                builder.Append(BoolValue ? "true" : "false");
                break;
            case PropertyValueKind.Number:
                builder.Append(NumberValue.ToString("R", CultureInfo.InvariantCulture));
                break;
            case PropertyValueKind.String:
                builder.Append('"').Append(StringValue).Append('"');
                break;
            case PropertyValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < ArrayValue.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    ArrayValue[i].Render(builder);
                }

                builder.Append(']');
                break;
            case PropertyValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in ObjectValue)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(key).Append(": ");
                    value.Render(builder);
                }

                builder.Append('}');
                break;
            case PropertyValueKind.Secret:
                builder.Append("[secret]");
                break;
            case PropertyValueKind.Unknown:
                builder.Append("[unknown]");
                break;
            case PropertyValueKind.Output:
                if (OutputValue.IsSecret)
                {
                    builder.Append("[secret]");
                }
                else if (OutputValue.Value is { } inner)
                {
                    inner.Render(builder);
                }
                else
                {
                    builder.Append("[unknown]");
                }

                break;
            case PropertyValueKind.ResourceReference:
                builder.Append("ref(").Append(ResourceReferenceValue.Urn).Append(')');
                break;
            case PropertyValueKind.Asset:
                builder.Append("asset(").Append(AssetValue.Path ?? AssetValue.Uri ?? "text").Append(')');
                break;
            case PropertyValueKind.Archive:
                builder.Append("archive(").Append(ArchiveValue.Path ?? ArchiveValue.Uri ?? "assets").Append(')');
                break;
        }
    }
}
