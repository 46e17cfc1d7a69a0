using System.Collections.Immutable;
using System.Globalization;

namespace Infra.Engine.Projects;

/// <summary>
/// An immutable configuration value as written in a stack or project file: a scalar (kept with its
/// original text), an encrypted <c>secure</c> value, or a nested object or array whose leaves may be
/// encrypted. <see cref="ToString"/> never shows a ciphertext or anything derived from a secret.
/// </summary>
internal sealed class ConfigValue : IEquatable<ConfigValue>
{
    private readonly string _text;
    private readonly ImmutableArray<KeyValuePair<string, ConfigValue>> _members;
    private readonly ImmutableArray<ConfigValue> _items;

    private ConfigValue(
        ConfigValueKind kind,
        string text,
        ImmutableArray<KeyValuePair<string, ConfigValue>> members = default,
        ImmutableArray<ConfigValue> items = default)
    {
        Kind = kind;
        _text = text;
        _members = members.IsDefault ? [] : members;
        _items = items.IsDefault ? [] : items;
    }

    /// <summary>The null value.</summary>
    public static ConfigValue Null { get; } = new(ConfigValueKind.Null, string.Empty);

    /// <summary>The value's shape.</summary>
    public ConfigValueKind Kind { get; }

    /// <summary>True for null, string, boolean, integer and float values.</summary>
    public bool IsScalar => Kind is ConfigValueKind.Null or ConfigValueKind.String or ConfigValueKind.Boolean
        or ConfigValueKind.Integer or ConfigValueKind.Float;

    /// <summary>True for objects and arrays.</summary>
    public bool IsStructured => Kind is ConfigValueKind.Object or ConfigValueKind.Array;

    /// <summary>
    /// The text of a scalar: a string unchanged, numbers and booleans as written, null as empty.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not a scalar.</exception>
    public string ScalarText => IsScalar
        ? _text
        : throw new InvalidOperationException($"A {Kind} config value has no scalar text.");

    /// <summary>The <c>v1:...</c> ciphertext of a secure value.</summary>
    /// <exception cref="InvalidOperationException">The value is not secure.</exception>
    public string Ciphertext => Kind == ConfigValueKind.Secure
        ? _text
        : throw new InvalidOperationException($"A {Kind} config value has no ciphertext.");

    /// <summary>The members of an object in file order (empty for other kinds).</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigValue>> Members => _members;

    /// <summary>The items of an array (empty for other kinds).</summary>
    public IReadOnlyList<ConfigValue> Items => _items;

    /// <summary>True when this value is secure or any leaf inside it is.</summary>
    public bool ContainsSecret => Kind switch
    {
        ConfigValueKind.Secure => true,
        ConfigValueKind.Object => _members.Any(member => member.Value.ContainsSecret),
        ConfigValueKind.Array => _items.Any(item => item.ContainsSecret),
        _ => false,
    };

    /// <summary>A string scalar.</summary>
    public static ConfigValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ConfigValue(ConfigValueKind.String, value);
    }

    /// <summary>A boolean scalar, written <c>true</c> or <c>false</c>.</summary>
    public static ConfigValue Boolean(bool value) => new(ConfigValueKind.Boolean, value ? "true" : "false");

    /// <summary>An integer scalar.</summary>
    public static ConfigValue Integer(long value) =>
        new(ConfigValueKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A floating-point scalar.</summary>
    public static ConfigValue Float(double value) =>
        new(ConfigValueKind.Float, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>
    /// A scalar of the given kind with its original text (used when reading YAML, so that
    /// <c>1.50</c> or <c>0x1F</c> keep their spelling).
    /// </summary>
    public static ConfigValue Scalar(ConfigValueKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (kind is not (ConfigValueKind.Null or ConfigValueKind.String or ConfigValueKind.Boolean
            or ConfigValueKind.Integer or ConfigValueKind.Float))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind: must be a scalar kind");
        }

        return kind == ConfigValueKind.Null ? Null : new ConfigValue(kind, text);
    }

    /// <summary>An encrypted value holding a <c>v1:...</c> ciphertext.</summary>
    public static ConfigValue Secure(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        return new ConfigValue(ConfigValueKind.Secure, ciphertext);
    }

    /// <summary>An object; member names must be unique.</summary>
    /// <exception cref="ArgumentException">A member name repeats.</exception>
    public static ConfigValue Object(IEnumerable<KeyValuePair<string, ConfigValue>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var list = members.ToImmutableArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in list)
        {
            ArgumentNullException.ThrowIfNull(member.Value);
            if (!seen.Add(member.Key))
            {
                throw new ArgumentException($"members: names must be unique (was '{member.Key}' twice)", nameof(members));
            }
        }

        return new ConfigValue(ConfigValueKind.Object, string.Empty, members: list);
    }

    /// <summary>An array.</summary>
    public static ConfigValue Array(IEnumerable<ConfigValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToImmutableArray();
        foreach (var item in list)
        {
            ArgumentNullException.ThrowIfNull(item);
        }

        return new ConfigValue(ConfigValueKind.Array, string.Empty, items: list);
    }

    /// <summary>The member called <paramref name="name"/> of an object, or null.</summary>
    public ConfigValue? GetMember(string name)
    {
        foreach (var member in _members)
        {
            if (member.Key == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    /// <summary>A copy of this object with a member replaced in place, or appended when new.</summary>
    public ConfigValue WithMember(string name, ConfigValue value)
    {
        RequireKind(ConfigValueKind.Object);
        var index = IndexOfMember(name);
        var pair = new KeyValuePair<string, ConfigValue>(name, value);
        var members = index >= 0 ? _members.SetItem(index, pair) : _members.Add(pair);
        return new ConfigValue(ConfigValueKind.Object, string.Empty, members: members);
    }

    /// <summary>A copy of this object without the member (unchanged when absent).</summary>
    public ConfigValue WithoutMember(string name)
    {
        RequireKind(ConfigValueKind.Object);
        var index = IndexOfMember(name);
        return index < 0 ? this : new ConfigValue(ConfigValueKind.Object, string.Empty, members: _members.RemoveAt(index));
    }

    /// <summary>A copy of this array with the item at <paramref name="index"/> replaced, or appended when it equals the length.</summary>
    public ConfigValue WithItem(int index, ConfigValue value)
    {
        RequireKind(ConfigValueKind.Array);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _items.Length);
        var items = index == _items.Length ? _items.Add(value) : _items.SetItem(index, value);
        return new ConfigValue(ConfigValueKind.Array, string.Empty, items: items);
    }

    /// <summary>A copy of this array without the item at <paramref name="index"/>.</summary>
    public ConfigValue WithoutItem(int index)
    {
        RequireKind(ConfigValueKind.Array);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _items.Length);
        return new ConfigValue(ConfigValueKind.Array, string.Empty, items: _items.RemoveAt(index));
    }

    /// <inheritdoc />
    public bool Equals(ConfigValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind || other._text != _text)
        {
            return false;
        }

        return Kind switch
        {
            ConfigValueKind.Object => _members.Length == other._members.Length
                && _members.Zip(other._members).All(pair => pair.First.Key == pair.Second.Key && pair.First.Value.Equals(pair.Second.Value)),
            ConfigValueKind.Array => _items.SequenceEqual(other._items),
            _ => true,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfigValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _text, _members.Length, _items.Length);

    /// <summary>
    /// A description safe to log: scalars as text, secure values as <c>[secret]</c>, objects and
    /// arrays as JSON with secret leaves replaced by <c>[secret]</c>.
    /// </summary>
    public override string ToString() => ConfigJson.FormatRedacted(this);

    private int IndexOfMember(string name)
    {
        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].Key == name)
            {
                return i;
            }
        }

        return -1;
    }

    private void RequireKind(ConfigValueKind kind)
    {
        if (Kind != kind)
        {
            throw new InvalidOperationException($"This operation needs a {kind} config value, but the value is {Kind}.");
        }
    }
}
