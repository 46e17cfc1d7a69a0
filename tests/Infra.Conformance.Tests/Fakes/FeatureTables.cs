using System.Collections.Frozen;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>The <c>SupportsFeature</c> answers of each CLI generation (pulumi-protocol.md §3.1). Unlisted ids answer false.</summary>
public static class FeatureTables
{
    /// <summary>What a current engine answers.</summary>
    public static FrozenDictionary<string, bool> Current { get; } = new Dictionary<string, bool>
    {
        ["secrets"] = true,
        ["resourceReferences"] = true,
        ["outputValues"] = true,
        ["aliasSpecs"] = true,
        ["replacementTrigger"] = true,
        ["deletedWith"] = true,
        ["replaceWith"] = true,
        ["transforms"] = true,
        ["invokeTransforms"] = true,
        ["parameterization"] = true,
        ["resourceHooks"] = true,
        ["errorHooks"] = true,
        ["sendsOptionsToHooks"] = true,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What an old CLI (around v3.100) answers: the newer features are false.</summary>
    public static FrozenDictionary<string, bool> OldCli { get; } = new Dictionary<string, bool>
    {
        ["secrets"] = true,
        ["resourceReferences"] = true,
        ["outputValues"] = true,
        ["aliasSpecs"] = true,
        ["deletedWith"] = true,
        ["replacementTrigger"] = false,
        ["replaceWith"] = false,
        ["transforms"] = false,
        ["invokeTransforms"] = false,
        ["parameterization"] = false,
        ["resourceHooks"] = false,
        ["errorHooks"] = false,
        ["sendsOptionsToHooks"] = false,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The table of a CLI generation.</summary>
    /// <param name="generation">The generation.</param>
    public static FrozenDictionary<string, bool> For(CliGeneration generation) =>
        generation == CliGeneration.OldCli ? OldCli : Current;
}
