using System.Collections;
using System.Collections.Immutable;

namespace Infra;

/// <summary>
/// A list input whose items may be plain values or outputs. Supports collection initializers and
/// collection expressions: <c>Hostnames = ["a.lan", otherResource.Hostname]</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "IEnumerable exists only to allow collection initializers; items may be unknown outputs.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "The name matches the Pulumi programming model users know.")]
public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable
{
    private readonly List<Output<ImmutableArray<T>>> _parts = [];

    /// <summary>Creates an empty list.</summary>
    public InputList()
        : base(null)
    {
    }

    /// <summary>Whether the list has no parts.</summary>
    public bool IsEmpty => _parts.Count == 0;

    /// <summary>An array of values as a list.</summary>
    /// <param name="values">The values.</param>
    public static implicit operator InputList<T>(T[] values) => FromValues(values);

    /// <summary>A list of values as a list input.</summary>
    /// <param name="values">The values.</param>
    public static implicit operator InputList<T>(List<T> values) => FromValues(values);

    /// <summary>An immutable array as a list input.</summary>
    /// <param name="values">The values.</param>
    public static implicit operator InputList<T>(ImmutableArray<T> values) => FromValues(values);

    /// <summary>One value as a single-item list.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator InputList<T>(T value) => FromValues([value]);

    /// <summary>An array of inputs as a list.</summary>
    /// <param name="values">The inputs.</param>
    public static implicit operator InputList<T>(Input<T>[] values)
    {
        var list = new InputList<T>();
        list.Add(values);
        return list;
    }

    /// <summary>An array of outputs as a list.</summary>
    /// <param name="values">The outputs.</param>
    public static implicit operator InputList<T>(Output<T>[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new InputList<T>();
        list.Add(values.Select(v => (Input<T>)v).ToArray());
        return list;
    }

    /// <summary>An output of an immutable array as a list.</summary>
    /// <param name="values">The output.</param>
    public static implicit operator InputList<T>(Output<ImmutableArray<T>> values)
    {
        var list = new InputList<T>();
        list._parts.Add(values);
        return list;
    }

    /// <summary>An output of an array as a list.</summary>
    /// <param name="values">The output.</param>
    public static implicit operator InputList<T>(Output<T[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Apply(v => v.ToImmutableArray());
    }

    /// <summary>Adds items.</summary>
    /// <param name="inputs">The items, plain values or outputs.</param>
    public void Add(params Input<T>[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _parts.Add(Output.All(inputs));
    }

    /// <summary>Adds every item of another list.</summary>
    /// <param name="inputs">The other list.</param>
    public void AddRange(InputList<T> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _parts.Add(inputs.ToOutput());
    }

    /// <summary>Returns a new list with the items of both lists.</summary>
    /// <param name="other">The other list.</param>
    public InputList<T> Concat(InputList<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new InputList<T>();
        result._parts.AddRange(_parts);
        result._parts.Add(other.ToOutput());
        return result;
    }

    /// <summary>Not supported: an input list's items may not be known yet. Exists for collection initializers.</summary>
    IEnumerator IEnumerable.GetEnumerator() =>
        throw new NotSupportedException("An InputList cannot be enumerated: its items may be outputs. Use ToOutput().Apply(...).");

    private protected override Output<ImmutableArray<T>> BuildOutput()
    {
        switch (_parts.Count)
        {
            case 0:
                return Output.Create(ImmutableArray<T>.Empty);
            case 1:
                return _parts[0];
        }

        if (_parts.TrueForAll(p => p.DataTask.IsCompletedSuccessfully))
        {
            // Every part is resolved (the common case of literal items): concatenate without async machinery.
            var builder = ImmutableArray.CreateBuilder<T>();
            var known = true;
            var secret = false;
            var resources = ImmutableHashSet<Resource>.Empty;
            foreach (var part in _parts)
            {
                var data = part.DataTask.Result;
                known &= data.IsKnown;
                secret |= data.IsSecret;
                resources = data.Resources.Count == 0 ? resources : resources.Union(data.Resources);
                if (data.IsKnown)
                {
                    builder.AddRange(data.Value);
                }
            }

            return new Output<ImmutableArray<T>>(Task.FromResult(known
                ? OutputData<ImmutableArray<T>>.Known(builder.ToImmutable(), secret, resources)
                : OutputData<ImmutableArray<T>>.Unknown(secret, resources)));
        }

        return Output.All(_parts.Select(p => (Input<ImmutableArray<T>>)p)).Apply(parts => parts.SelectMany(p => p).ToImmutableArray());
    }

    private static InputList<T> FromValues(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new InputList<T>();
        list._parts.Add(Output.Create(values.ToImmutableArray()));
        return list;
    }
}
