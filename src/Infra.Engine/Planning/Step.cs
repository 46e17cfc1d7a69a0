using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.State;

namespace Infra.Engine.Planning;

/// <summary>
/// One planned step. <see cref="New"/> is the state the step will record (for Create, Replace, Import and
/// Read its ID and outputs are filled in by the executor); <see cref="Old"/> is the recorded state it
/// supersedes or deletes. <see cref="WaitFor"/> lists the URNs whose steps must finish first.
/// </summary>
internal sealed record Step
{
    public required StepKind Kind { get; init; }

    public required string Urn { get; init; }

    public ResourceState? Old { get; init; }

    public ResourceState? New { get; init; }

    /// <summary>The provider that carries the step out; null for components.</summary>
    public IResourceProvider? Provider { get; init; }

    public ImmutableArray<string> WaitFor { get; init; } = [];

    /// <summary>For Replace: delete the old resource first (otherwise the old one is deleted after the program).</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>The provider's diff, when one was made.</summary>
    public DiffResult? Diff { get; init; }

    /// <summary>For Replace: the input paths that force the replacement.</summary>
    public ImmutableArray<string> ReplaceKeys { get; init; } = [];

    /// <summary>For Update and Replace: the top-level input keys that change.</summary>
    public ImmutableArray<string> ChangedKeys { get; init; } = [];

    /// <summary>For Delete: why the provider is not called (retainOnDelete, deletedWith), or null when it is.</summary>
    public string? SkipProviderDeleteReason { get; init; }

    /// <summary>The resource type.</summary>
    public string Type => (New ?? Old)?.Type ?? ResourceUrn.TypeOf(Urn);
}
