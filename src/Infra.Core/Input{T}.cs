namespace Infra;

/// <summary>
/// A resource or component input: a plain value or an <see cref="Output{T}"/> of another resource.
/// Converts implicitly from both, so args read like plain object initializers.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public class Input<T> : IInput
{
    private readonly Output<T>? _output;

    private protected Input(Output<T>? output)
    {
        _output = output;
    }

    /// <summary>A plain value as an input.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Input<T>(T value) => new(Output.Create(value));

    /// <summary>An output as an input.</summary>
    /// <param name="value">The output.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static implicit operator Input<T>?(Output<T>? value) => value is null ? null : new(value);

    /// <summary>The input as an output.</summary>
    /// <param name="input">The input.</param>
    public static implicit operator Output<T>(Input<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToOutput();
    }

    /// <summary>Returns this input as an output.</summary>
    public Output<T> ToOutput() => _output ?? BuildOutput();

    /// <summary>Never shows the value; see <see cref="Output{T}.ToString"/>.</summary>
    public override string ToString() => ToOutput().ToString();

    IOutput IInput.ToUntypedOutput() => ToOutput();

    /// <summary>Builds the output of collection inputs, whose content is added after construction.</summary>
    private protected virtual Output<T> BuildOutput() => throw new InvalidOperationException("The input has no value.");
}
