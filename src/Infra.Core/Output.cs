using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Infra;

/// <summary>Helpers to create and combine <see cref="Output{T}"/> values.</summary>
public static class Output
{
    /// <summary>Creates a known output.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    public static Output<T> Create<T>(T value) => Output<T>.Create(value);

    /// <summary>Creates a known output from a task.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The task producing the value.</param>
    public static Output<T> Create<T>(Task<T> value) => Output<T>.Create(value);

    /// <summary>Creates a secret output.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    public static Output<T> CreateSecret<T>(T value) => Output<T>.CreateSecret(value);

    /// <summary>Creates a secret output from a task.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The task producing the value.</param>
    public static Output<T> CreateSecret<T>(Task<T> value) => Output<T>.CreateSecret(value);

    /// <summary>Returns an output with the same value, marked secret.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output to protect.</param>
    public static Output<T> CreateSecret<T>(Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new Output<T>(WithSecretAsync(output.DataTask, isSecret: true));
    }

    /// <summary>Returns an output with the same value that is no longer secret. Use with care.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The secret output.</param>
    public static Output<T> Unsecret<T>(Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new Output<T>(WithSecretAsync(output.DataTask, isSecret: false));
    }

    /// <summary>Whether the output is secret.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output.</param>
    public static async Task<bool> IsSecretAsync<T>(Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return (await output.DataTask.ConfigureAwait(false)).IsSecret;
    }

    /// <summary>Combines inputs into one output of all their values; unknown if any is unknown, secret if any is secret.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return All((IEnumerable<Input<T>>)inputs);
    }

    /// <summary>Combines inputs into one output of all their values; unknown if any is unknown, secret if any is secret.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outputs = inputs.Select(i => i.ToOutput()).ToArray();
        return new Output<ImmutableArray<T>>(AllAsync(outputs));
    }

    /// <summary>Combines two inputs.</summary>
    /// <typeparam name="T1">First value type.</typeparam>
    /// <typeparam name="T2">Second value type.</typeparam>
    /// <param name="item1">First input.</param>
    /// <param name="item2">Second input.</param>
    public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2)
    {
        ArgumentNullException.ThrowIfNull(item1);
        ArgumentNullException.ThrowIfNull(item2);
        var first = item1.ToOutput();
        var second = item2.ToOutput();
        return first.Apply(a => second.Apply(b => (a, b)));
    }

    /// <summary>Combines three inputs.</summary>
    /// <typeparam name="T1">First value type.</typeparam>
    /// <typeparam name="T2">Second value type.</typeparam>
    /// <typeparam name="T3">Third value type.</typeparam>
    /// <param name="item1">First input.</param>
    /// <param name="item2">Second input.</param>
    /// <param name="item3">Third input.</param>
    public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Input<T1> item1, Input<T2> item2, Input<T3> item3)
    {
        ArgumentNullException.ThrowIfNull(item3);
        var third = item3.ToOutput();
        return Tuple(item1, item2).Apply(ab => third.Apply(c => (ab.Item1, ab.Item2, c)));
    }

    /// <summary>Combines two outputs.</summary>
    /// <typeparam name="T1">First value type.</typeparam>
    /// <typeparam name="T2">Second value type.</typeparam>
    /// <param name="item1">First output.</param>
    /// <param name="item2">Second output.</param>
    public static Output<(T1, T2)> Tuple<T1, T2>(Output<T1> item1, Output<T2> item2) => Tuple((Input<T1>)item1, (Input<T2>)item2);

    /// <summary>Combines three outputs.</summary>
    /// <typeparam name="T1">First value type.</typeparam>
    /// <typeparam name="T2">Second value type.</typeparam>
    /// <typeparam name="T3">Third value type.</typeparam>
    /// <param name="item1">First output.</param>
    /// <param name="item2">Second output.</param>
    /// <param name="item3">Third output.</param>
    public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Output<T1> item1, Output<T2> item2, Output<T3> item3) =>
        Tuple((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3);

    /// <summary>
    /// Builds an <see cref="Output{T}"/> of string from an interpolated string whose holes may be
    /// inputs or outputs: <c>Output.Format($"https://{host}:{port}")</c>.
    /// </summary>
    /// <param name="formattable">The interpolated string.</param>
    public static Output<string> Format(FormattableString formattable)
    {
        ArgumentNullException.ThrowIfNull(formattable);
        var arguments = formattable.GetArguments();
        var outputs = arguments.Select(ToObjectOutput).ToArray();
        return new Output<ImmutableArray<object?>>(AllAsync(outputs))
            .Apply(values => string.Format(CultureInfo.InvariantCulture, formattable.Format, [.. values]));
    }

    /// <summary>Serializes the value of an output to JSON (System.Text.Json).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output.</param>
    /// <param name="options">Serializer options.</param>
    public static Output<string> JsonSerialize<T>(Output<T> output, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Apply(value => JsonSerializer.Serialize(value, options));
    }

    /// <summary>Parses JSON text into a value (System.Text.Json).</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Serializer options.</param>
    public static Output<T> JsonDeserialize<T>(Output<string> json, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Apply(text => JsonSerializer.Deserialize<T>(text, options)!);
    }

    internal static Output<object?> ToObjectOutput(object? value) => value switch
    {
        IOutput output => new Output<object?>(output.GetDataAsync()),
        IInput input => new Output<object?>(input.ToUntypedOutput().GetDataAsync()),
        _ => Output<object?>.Create(value),
    };

    private static async Task<OutputData<T>> WithSecretAsync<T>(Task<OutputData<T>> source, bool isSecret)
    {
        var data = await source.ConfigureAwait(false);
        return data with { IsSecret = isSecret };
    }

    private static Task<OutputData<ImmutableArray<T>>> AllAsync<T>(Output<T>[] outputs)
    {
        foreach (var output in outputs)
        {
            if (!output.DataTask.IsCompletedSuccessfully)
            {
                return AllSlowAsync(outputs);
            }
        }

        // Every part is already resolved (plain values, resolved outputs): combine without awaiting.
        return Task.FromResult(Combine(outputs, outputs.Select(o => o.DataTask.Result)));
    }

    private static OutputData<ImmutableArray<T>> Combine<T>(Output<T>[] outputs, IEnumerable<OutputData<T>> parts)
    {
        var builder = ImmutableArray.CreateBuilder<T>(outputs.Length);
        var known = true;
        var secret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        foreach (var data in parts)
        {
            known &= data.IsKnown;
            secret |= data.IsSecret;
            if (data.Resources.Count > 0)
            {
                resources = resources.Union(data.Resources);
            }

            builder.Add(data.Value);
        }

        return known
            ? OutputData<ImmutableArray<T>>.Known(builder.MoveToImmutable(), secret, resources)
            : OutputData<ImmutableArray<T>>.Unknown(secret, resources);
    }

    private static async Task<OutputData<ImmutableArray<T>>> AllSlowAsync<T>(Output<T>[] outputs)
    {
        var builder = ImmutableArray.CreateBuilder<T>(outputs.Length);
        var known = true;
        var secret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        foreach (var output in outputs)
        {
            var data = await output.DataTask.ConfigureAwait(false);
            known &= data.IsKnown;
            secret |= data.IsSecret;
            resources = resources.Union(data.Resources);
            builder.Add(data.Value);
        }

        return known
            ? OutputData<ImmutableArray<T>>.Known(builder.MoveToImmutable(), secret, resources)
            : OutputData<ImmutableArray<T>>.Unknown(secret, resources);
    }
}
