using System.Collections.Immutable;
using Infra.Engine.Planning;

namespace Infra.Engine.Deployments.Events;

/// <summary>A resource step (create, update, replace, delete, same, read, refresh) changing phase.</summary>
internal sealed record ResourceStepEvent : OperationEvent
{
    public required string Urn { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>The parent URN (for tree rendering), or null for the stack.</summary>
    public string? Parent { get; init; }

    public required StepKind Kind { get; init; }

    public required StepPhase Phase { get; init; }

    /// <summary>Property-level changes (for <c>--diff</c>); values may be secrets: mask them when rendering.</summary>
    public ImmutableArray<PropertyChange> Changes { get; init; } = [];

    /// <summary>Keys whose change forces the replacement, if any.</summary>
    public ImmutableArray<string> ReplaceKeys { get; init; } = [];

    /// <summary>The failure or progress message (secrets already removed).</summary>
    public string? Message { get; init; }

    public TimeSpan? Elapsed { get; init; }
}
