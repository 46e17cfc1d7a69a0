using System.Collections.Immutable;

namespace Infra;

/// <summary>
/// A value that becomes available while a deployment runs. It carries whether it is known (during
/// preview many values are not), whether it is secret, and which resources it depends on.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// Use <see cref="Apply{U}(Func{T, U})"/> to transform the value. Callbacks never run during preview
/// for unknown values, the result stays unknown and keeps the secret flag and dependencies. Callbacks
/// must not create resources: the resource graph must be known at preview.
/// </remarks>
public sealed class Output<T> : IOutput
{
    internal Output(Task<OutputData<T>> dataTask)
    {
        DataTask = dataTask;
    }

    internal Task<OutputData<T>> DataTask { get; }

    Type IOutput.ValueType => typeof(T);

    /// <summary>Creates a known, non-secret output.</summary>
    /// <param name="value">The value.</param>
    public static Output<T> Create(T value) => new(Task.FromResult(OutputData<T>.Known(value)));

    /// <summary>Creates a known, non-secret output from a task.</summary>
    /// <param name="value">The task producing the value.</param>
    public static Output<T> Create(Task<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Output<T>(FromTaskAsync(value, isSecret: false));
    }

    /// <summary>Creates a known, secret output.</summary>
    /// <param name="value">The value.</param>
    public static Output<T> CreateSecret(T value) => new(Task.FromResult(OutputData<T>.Known(value, isSecret: true)));

    /// <summary>Creates a secret output from a task.</summary>
    /// <param name="value">The task producing the value.</param>
    public static Output<T> CreateSecret(Task<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Output<T>(FromTaskAsync(value, isSecret: true));
    }

    internal static Output<T> CreateUnknown(bool isSecret = false, ImmutableHashSet<Resource>? resources = null) =>
        new(Task.FromResult(OutputData<T>.Unknown(isSecret, resources)));

    /// <summary>Transforms the value. The callback does not run while the value is unknown.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">The transformation; must not create resources.</param>
    public Output<TResult> Apply<TResult>(Func<T, TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return Apply(v => Output<TResult>.Create(func(v)));
    }

    /// <summary>Transforms the value asynchronously. The callback does not run while the value is unknown.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">The transformation; must not create resources.</param>
    public Output<TResult> Apply<TResult>(Func<T, Task<TResult>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return Apply(v => Output<TResult>.Create(func(v)));
    }

    /// <summary>Transforms the value into an input (a plain value or another output).</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">The transformation; must not create resources.</param>
    public Output<TResult> Apply<TResult>(Func<T, Input<TResult>?> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return Apply(v => func(v)?.ToOutput() ?? Output<TResult>.Create(default(TResult)!));
    }

    /// <summary>Transforms the value into another output and flattens it.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">The transformation; must not create resources.</param>
    public Output<TResult> Apply<TResult>(Func<T, Output<TResult>?> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        if (DataTask.IsCompletedSuccessfully)
        {
            // Already resolved: run the callback now and skip the async machinery when its result is resolved too.
            var data = DataTask.Result;
            if (!data.IsKnown)
            {
                return new Output<TResult>(Task.FromResult(OutputData<TResult>.Unknown(data.IsSecret, data.Resources)));
            }

            Output<TResult> inner;
            try
            {
                inner = func(data.Value) ?? Output<TResult>.Create(default(TResult)!);
            }
            catch (Exception e)
            {
                // Same contract as the asynchronous path: the error surfaces through the output.
                return new Output<TResult>(Task.FromException<OutputData<TResult>>(e));
            }

            return inner.DataTask.IsCompletedSuccessfully
                ? new Output<TResult>(Task.FromResult(Merge(data, inner.DataTask.Result)))
                : new Output<TResult>(MergeAsync(data, inner.DataTask));
        }

        return new Output<TResult>(ApplyAsync(DataTask, func));
    }

    private static OutputData<TResult> Merge<TResult>(OutputData<T> outer, OutputData<TResult> inner) =>
        new(
            inner.Value,
            inner.IsKnown,
            outer.IsSecret || inner.IsSecret,
            inner.Resources.Count == 0 ? outer.Resources : outer.Resources.Union(inner.Resources));

    private static async Task<OutputData<TResult>> MergeAsync<TResult>(OutputData<T> outer, Task<OutputData<TResult>> inner) =>
        Merge(outer, await inner.ConfigureAwait(false));

    /// <summary>
    /// Never shows the value: an output's value may not be known yet and may be secret. Use
    /// <see cref="Apply{U}(Func{T, U})"/> or <see cref="Output.Format(FormattableString)"/> instead.
    /// </summary>
    public override string ToString() =>
        $"Output<{typeof(T).Name}> (the value of an Output cannot be turned into a string directly: "
        + "it may be unknown during preview or secret). Use output.Apply(v => $\"...{v}...\") "
        + "or Output.Format($\"...{output}...\") to build an Output<string>.";

    async Task<OutputData<object?>> IOutput.GetDataAsync()
    {
        var data = await DataTask.ConfigureAwait(false);
        return new OutputData<object?>(data.Value, data.IsKnown, data.IsSecret, data.Resources);
    }

    async Task<ImmutableHashSet<Resource>> IOutput.GetResourcesAsync() => (await DataTask.ConfigureAwait(false)).Resources;

    private static async Task<OutputData<TResult>> ApplyAsync<TResult>(Task<OutputData<T>> source, Func<T, Output<TResult>?> func)
    {
        var data = await source.ConfigureAwait(false);
        if (!data.IsKnown)
        {
            return OutputData<TResult>.Unknown(data.IsSecret, data.Resources);
        }

        var inner = func(data.Value) ?? Output<TResult>.Create(default(TResult)!);
        return Merge(data, await inner.DataTask.ConfigureAwait(false));
    }

    private static async Task<OutputData<T>> FromTaskAsync(Task<T> task, bool isSecret)
    {
        var value = await task.ConfigureAwait(false);
        return OutputData<T>.Known(value, isSecret);
    }
}
