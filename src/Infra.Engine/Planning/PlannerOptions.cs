using System.Collections.Immutable;
using Infra.Engine.State;

namespace Infra.Engine.Planning;

/// <summary>What a <see cref="Planner"/> plans against.</summary>
internal sealed record PlannerOptions
{
    public required string Stack { get; init; }

    public required string Project { get; init; }

    /// <summary>The resources recorded in the checkpoint before this run, in checkpoint order.</summary>
    public IReadOnlyList<ResourceState> OldResources { get; init; } = [];

    /// <summary>Whether this run is a preview (providers are configured and called in preview mode).</summary>
    public bool Preview { get; init; }

    /// <summary>
    /// <c>--target</c>: the URNs the run may change; empty = every resource. Provider resources and the root
    /// stack are always planned normally (configuring a provider changes nothing real).
    /// </summary>
    public ImmutableArray<string> Targets { get; init; } = [];
}
