namespace Infra.Engine.Projects;

/// <summary>
/// The <c>runtime</c> of a project: a language host name (<c>dotnet</c>, <c>nodejs</c> …) and the
/// free-form options the host reads (for dotnet, <c>binary</c>).
/// </summary>
internal sealed record ProjectRuntime
{
    /// <summary>The language host, e.g. <c>dotnet</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>options</c> map, keyed by option name (empty in the short form).</summary>
    public IReadOnlyDictionary<string, ConfigValue> Options { get; init; } = new Dictionary<string, ConfigValue>();

    /// <summary>The <c>binary</c> option: a pre-built program to run instead of building one.</summary>
    public string? Binary => Options.TryGetValue("binary", out var value) && value.IsScalar ? value.ScalarText : null;

    /// <inheritdoc />
    public override string ToString() => Options.Count == 0 ? Name : $"{Name} ({string.Join(", ", Options.Keys)})";
}
