using System.Collections;
using System.Collections.Immutable;

namespace Infra;

/// <summary>
/// A map input from string keys to plain values or outputs. Supports collection initializers:
/// <c>Labels = { ["app"] = "web", ["zone"] = zone.Name }</c>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "IEnumerable exists only to allow collection initializers; items may be unknown outputs.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "The name matches the Pulumi programming model users know.")]
public sealed class InputMap<T> : Input<ImmutableDictionary<string, T>>, IEnumerable
{
    private readonly List<Output<ImmutableDictionary<string, T>>> _parts = [];

    /// <summary>Creates an empty map.</summary>
    public InputMap()
        : base(null)
    {
    }

    /// <summary>Sets a key. Later values win.</summary>
    /// <param name="key">The key.</param>
    public Input<T> this[string key]
    {
        set => Add(key, value);
    }

    /// <summary>A dictionary as a map input.</summary>
    /// <param name="values">The dictionary.</param>
    public static implicit operator InputMap<T>(Dictionary<string, T> values) => FromValues(values);

    /// <summary>An immutable dictionary as a map input.</summary>
    /// <param name="values">The dictionary.</param>
    public static implicit operator InputMap<T>(ImmutableDictionary<string, T> values) => FromValues(values);

    /// <summary>An output of a dictionary as a map input.</summary>
    /// <param name="values">The output.</param>
    public static implicit operator InputMap<T>(Output<ImmutableDictionary<string, T>> values)
    {
        var map = new InputMap<T>();
        map._parts.Add(values);
        return map;
    }

    /// <summary>Adds a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, plain or output.</param>
    public void Add(string key, Input<T> value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _parts.Add(value.ToOutput().Apply(v => ImmutableDictionary<string, T>.Empty.SetItem(key, v)));
    }

    /// <summary>Adds every key of another map; later values win.</summary>
    /// <param name="values">The other map.</param>
    public void AddRange(InputMap<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _parts.Add(values.ToOutput());
    }

    /// <summary>Not supported: a map input's values may not be known yet. Exists for collection initializers.</summary>
    IEnumerator IEnumerable.GetEnumerator() =>
        throw new NotSupportedException("An InputMap cannot be enumerated: its values may be outputs. Use ToOutput().Apply(...).");

    private protected override Output<ImmutableDictionary<string, T>> BuildOutput() => _parts.Count switch
    {
        0 => Output.Create(ImmutableDictionary<string, T>.Empty),
        1 => _parts[0],
        _ when _parts.TrueForAll(p => p.DataTask.IsCompletedSuccessfully) => Merge(_parts.Select(p => p.DataTask.Result)),
        _ => Output.All(_parts.Select(p => (Input<ImmutableDictionary<string, T>>)p)).Apply(parts =>
        {
            var builder = ImmutableDictionary.CreateBuilder<string, T>();
            foreach (var part in parts)
            {
                foreach (var (key, value) in part)
                {
                    builder[key] = value;
                }
            }

            return builder.ToImmutable();
        }),
    };

    private static Output<ImmutableDictionary<string, T>> Merge(IEnumerable<OutputData<ImmutableDictionary<string, T>>> parts)
    {
        // Every part is resolved (literal entries): merge without async machinery; later keys win.
        var builder = ImmutableDictionary.CreateBuilder<string, T>();
        var known = true;
        var secret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        foreach (var data in parts)
        {
            known &= data.IsKnown;
            secret |= data.IsSecret;
            resources = data.Resources.Count == 0 ? resources : resources.Union(data.Resources);
            if (data.IsKnown)
            {
                foreach (var (key, value) in data.Value)
                {
                    builder[key] = value;
                }
            }
        }

        return new Output<ImmutableDictionary<string, T>>(Task.FromResult(known
            ? OutputData<ImmutableDictionary<string, T>>.Known(builder.ToImmutable(), secret, resources)
            : OutputData<ImmutableDictionary<string, T>>.Unknown(secret, resources)));
    }

    private static InputMap<T> FromValues(IEnumerable<KeyValuePair<string, T>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var map = new InputMap<T>();
        map._parts.Add(Output.Create(values.ToImmutableDictionary()));
        return map;
    }
}
