namespace Infra.Testing;

/// <summary>Reading outputs in tests.</summary>
public static class OutputTestExtensions
{
    /// <summary>
    /// Returns the value of an output, or fails naming the resources it came from when the value is
    /// unknown (instead of hanging or passing silently).
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output.</param>
    public static async Task<T> GetValueAsync<T>(this Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var data = await output.DataTask.ConfigureAwait(false);
        if (!data.IsKnown)
        {
            var sources = data.Resources.Count == 0
                ? "no resource"
                : string.Join(", ", data.Resources.Select(r => r.ToString()).Order(StringComparer.Ordinal));
            throw new OutputUnknownException(
                $"The output's value is unknown (it comes from {sources}). In preview (TestOptions.IsPreview = true, the default) "
                + "outputs the mocks do not return are unknown: return them from IMocks.NewResourceAsync or set IsPreview = false.");
        }

        return data.Value;
    }

    /// <summary>Returns the value of an input (see <see cref="GetValueAsync{T}(Output{T})"/>).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="input">The input.</param>
    public static Task<T> GetValueAsync<T>(this Input<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToOutput().GetValueAsync();
    }

    /// <summary>Whether the output is secret.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output.</param>
    public static async Task<bool> IsSecretAsync<T>(this Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return (await output.DataTask.ConfigureAwait(false)).IsSecret;
    }

    /// <summary>Whether the output's value is known.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output.</param>
    public static async Task<bool> IsKnownAsync<T>(this Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return (await output.DataTask.ConfigureAwait(false)).IsKnown;
    }

    /// <summary>The names of the resources the output depends on (type and name).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="output">The output.</param>
    public static async Task<IReadOnlyList<Resource>> GetDependenciesAsync<T>(this Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return [.. (await output.DataTask.ConfigureAwait(false)).Resources];
    }
}
