using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Infra.Engine.Providers;
using Infra.Protocol.Values;

namespace Infra.Engine.Planning;

/// <summary>
/// A property path as used by ignoreChanges and replaceOnChanges: <c>spec.replicas</c>,
/// <c>tags["a.b"]</c>, <c>ports[0].name</c>, <c>items[*].id</c> or <c>*</c>. Secrets along the way are
/// looked through and stay secret.
/// </summary>
internal sealed class PropertyPath
{
    private readonly ImmutableArray<object> _segments;

    private PropertyPath(string text, ImmutableArray<object> segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses a path; a malformed one is a <see cref="FormatException"/> naming it.</summary>
    public static PropertyPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = ImmutableArray.CreateBuilder<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    throw Malformed(path, "an opening '[' has no closing ']'");
                }

                var inner = path[(i + 1)..close];
                if (inner.Length >= 2 && inner[0] == '"' && inner[^1] == '"')
                {
                    segments.Add(inner[1..^1]);
                }
                else if (inner == "*")
                {
                    segments.Add(Wildcard.Instance);
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(index);
                }
                else
                {
                    throw Malformed(path, $"'[{inner}]' is neither an index, a quoted key nor '[*]'");
                }

                i = close + 1;
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                    if (i == path.Length)
                    {
                        throw Malformed(path, "it ends with '.'");
                    }
                }
            }
            else
            {
                var name = new StringBuilder();
                while (i < path.Length && path[i] != '.' && path[i] != '[')
                {
                    name.Append(path[i++]);
                }

                if (name.Length == 0)
                {
                    throw Malformed(path, "it has an empty segment");
                }

                segments.Add(name.ToString() == "*" ? Wildcard.Instance : name.ToString());
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                    if (i == path.Length)
                    {
                        throw Malformed(path, "it ends with '.'");
                    }
                }
            }
        }

        if (segments.Count == 0)
        {
            throw Malformed(path, "it is empty");
        }

        return new PropertyPath(path, segments.ToImmutable());
    }

    /// <summary>
    /// Applies an ignoreChanges path: where <paramref name="olds"/> has a value at this path, the result
    /// carries it; where it has none, the path is removed from <paramref name="news"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, PropertyValue> KeepOld(
        ImmutableSortedDictionary<string, PropertyValue> olds,
        ImmutableSortedDictionary<string, PropertyValue> news)
    {
        var result = KeepOld(PropertyValue.CreateObject(olds), PropertyValue.CreateObject(news), 0);
        return result is null ? PropertyMaps.Empty : PropertyMaps.Ordinal(result.ObjectValue);
    }

    /// <summary>Whether the value at this path differs between <paramref name="olds"/> and <paramref name="news"/>.</summary>
    public bool Differs(
        ImmutableSortedDictionary<string, PropertyValue> olds,
        ImmutableSortedDictionary<string, PropertyValue> news) =>
        Differs(PropertyValue.CreateObject(olds), PropertyValue.CreateObject(news), 0);

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static FormatException Malformed(string path, string why) =>
        new($"Property path '{path}' is malformed: {why}. Expected a form such as 'a.b', 'a[0].b', 'a[\"x.y\"]' or 'a[*]'.");

    private static PropertyValue? Unwrap(PropertyValue? value, out bool secret)
    {
        secret = value is { Kind: PropertyValueKind.Secret };
        return secret ? value!.SecretValue : value;
    }

    private PropertyValue? KeepOld(PropertyValue? oldValue, PropertyValue? newValue, int depth)
    {
        if (depth == _segments.Length)
        {
            return oldValue;
        }

        var oldInner = Unwrap(oldValue, out _);
        var newInner = Unwrap(newValue, out var newSecret);
        PropertyValue? result;
        switch (_segments[depth])
        {
            case string key:
                result = SetMember(oldInner, newInner, key, depth);
                break;
            case int index:
                result = SetItem(oldInner, newInner, index, depth);
                break;
            default:
                result = newInner;
                if (newInner is { Kind: PropertyValueKind.Object } || oldInner is { Kind: PropertyValueKind.Object })
                {
                    var keys = Members(oldInner).Keys.Union(Members(newInner).Keys, StringComparer.Ordinal).ToList();
                    foreach (var key in keys)
                    {
                        result = SetMember(oldInner, result, key, depth);
                    }
                }
                else if (newInner is { Kind: PropertyValueKind.Array })
                {
                    for (var i = 0; i < newInner.ArrayValue.Length; i++)
                    {
                        result = SetItem(oldInner, result, i, depth);
                    }
                }

                break;
        }

        return result is not null && newSecret ? PropertyValue.CreateSecret(result) : result;
    }

    private static ImmutableSortedDictionary<string, PropertyValue> Members(PropertyValue? value) =>
        value is { Kind: PropertyValueKind.Object } ? value.ObjectValue : PropertyMaps.Empty;

    private PropertyValue? SetMember(PropertyValue? oldInner, PropertyValue? newInner, string key, int depth)
    {
        var oldMembers = Members(oldInner);
        if (newInner is not null && newInner.Kind != PropertyValueKind.Object)
        {
            // The new value is not an object here (e.g. unknown in preview): nothing to align.
            return newInner;
        }

        var newMembers = Members(newInner);
        var child = KeepOld(oldMembers.GetValueOrDefault(key), newMembers.GetValueOrDefault(key), depth + 1);
        if (child is null)
        {
            return newInner is null ? null : PropertyValue.CreateObject(newMembers.Remove(key));
        }

        return PropertyValue.CreateObject(newMembers.SetItem(key, child));
    }

    private PropertyValue? SetItem(PropertyValue? oldInner, PropertyValue? newInner, int index, int depth)
    {
        if (newInner is not { Kind: PropertyValueKind.Array } || index >= newInner.ArrayValue.Length)
        {
            return newInner;
        }

        var oldItem = oldInner is { Kind: PropertyValueKind.Array } && index < oldInner.ArrayValue.Length ? oldInner.ArrayValue[index] : null;
        var child = KeepOld(oldItem, newInner.ArrayValue[index], depth + 1);
        return PropertyValue.CreateArray(newInner.ArrayValue.SetItem(index, child ?? PropertyValue.Null));
    }

    private bool Differs(PropertyValue? oldValue, PropertyValue? newValue, int depth)
    {
        if (depth == _segments.Length)
        {
            return !Equals(oldValue, newValue);
        }

        var oldInner = Unwrap(oldValue, out _);
        var newInner = Unwrap(newValue, out _);
        switch (_segments[depth])
        {
            case string key:
                return Differs(Members(oldInner).GetValueOrDefault(key), Members(newInner).GetValueOrDefault(key), depth + 1);
            case int index:
                return Differs(ItemOrNull(oldInner, index), ItemOrNull(newInner, index), depth + 1);
            default:
                if (oldInner is { Kind: PropertyValueKind.Array } || newInner is { Kind: PropertyValueKind.Array })
                {
                    var length = Math.Max(Items(oldInner).Length, Items(newInner).Length);
                    return Enumerable.Range(0, length).Any(i => Differs(ItemOrNull(oldInner, i), ItemOrNull(newInner, i), depth + 1));
                }

                var keys = Members(oldInner).Keys.Union(Members(newInner).Keys, StringComparer.Ordinal);
                return keys.Any(k => Differs(Members(oldInner).GetValueOrDefault(k), Members(newInner).GetValueOrDefault(k), depth + 1))
                    || (oldInner?.Kind != PropertyValueKind.Object && newInner?.Kind != PropertyValueKind.Object && !Equals(oldInner, newInner));
        }
    }

    private static ImmutableArray<PropertyValue> Items(PropertyValue? value) =>
        value is { Kind: PropertyValueKind.Array } ? value.ArrayValue : [];

    private static PropertyValue? ItemOrNull(PropertyValue? value, int index)
    {
        var items = Items(value);
        return index < items.Length ? items[index] : null;
    }

    private sealed class Wildcard
    {
        public static readonly Wildcard Instance = new();
    }
}
