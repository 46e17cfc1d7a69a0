using System.Collections.Immutable;

namespace Infra;

/// <summary>Reads the outputs of another stack. Outputs that stack marked secret stay secret here.</summary>
public sealed class StackReference : CustomResource
{
    /// <summary>The type token of stack references.</summary>
    public const string TypeToken = "pulumi:pulumi:StackReference";

    /// <summary>Reads the stack named <paramref name="name"/>.</summary>
    /// <param name="name">The logical name, and the stack name unless <paramref name="args"/> gives another.</param>
    /// <param name="args">The stack to read.</param>
    /// <param name="options">The options.</param>
    public StackReference(string name, StackReferenceArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new StackReferenceArgs { Name = name }, WithId(args?.Name ?? name, options))
    {
    }

    /// <summary>All outputs of the referenced stack.</summary>
    [Output("outputs")]
    public Output<ImmutableDictionary<string, object>> Outputs { get; private set; } = null!;

    /// <summary>The names of the referenced stack's secret outputs.</summary>
    [Output("secretOutputNames")]
    public Output<ImmutableArray<string>> SecretOutputNames { get; private set; } = null!;

    /// <summary>One output, or null when the referenced stack has none of that name. Secret if it is secret there.</summary>
    /// <param name="name">The output name.</param>
    public Output<object?> GetOutput(Input<string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var value = Output.Tuple(name.ToOutput(), Outputs, SecretOutputNames)
            .Apply(t => (Value: t.Item2.GetValueOrDefault(t.Item1), Secret: t.Item3.Contains(t.Item1)));
        return value.Apply(v => v.Secret ? Output.CreateSecret<object?>(v.Value) : Output.Create<object?>(v.Value));
    }

    /// <summary>One output, failing when the referenced stack has none of that name.</summary>
    /// <param name="name">The output name.</param>
    public Output<object> RequireOutput(Input<string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Output.Tuple(name.ToOutput(), GetOutput(name)).Apply(t =>
            t.Item2 ?? throw new KeyNotFoundException($"Stack reference '{GetResourceName()}' has no output named '{t.Item1}'."));
    }

    private static CustomResourceOptions WithId(Input<string> id, CustomResourceOptions? options)
    {
        var result = options ?? new CustomResourceOptions();
        result.Id = id;
        return result;
    }
}
