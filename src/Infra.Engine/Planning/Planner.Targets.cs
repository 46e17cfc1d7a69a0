using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol;

namespace Infra.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Whether <c>--target</c> limits this run.</summary>
    public bool HasTargets => _targets.Count > 0;

    /// <summary>
    /// The <c>--target</c> URNs that name neither a resource in the recorded state nor one registered so far,
    /// in ordinal order. Call it after the program finished (or, without a program, before planning).
    /// </summary>
    public ImmutableArray<string> UnknownTargets()
    {
        var known = _options.OldResources.Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);
        return [.. _targets.Where(t => !known.Contains(t) && !_registered.ContainsKey(t)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The error for <see cref="UnknownTargets"/>: names every unknown URN.</summary>
    public static string UnknownTargetsMessage(ImmutableArray<string> unknown) =>
        $"--target names {(unknown.Length == 1 ? "a resource that is" : $"{unknown.Length} resources that are")} neither in the stack's state " +
        $"nor registered by the program: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Check the URNs (they are case-sensitive) against the stack's resources.";

    /// <summary>Whether a registration may change its resource: no targets, a named target, a provider resource or the root stack.</summary>
    private bool IsTargetedForUpdate(string urn, string type) =>
        _targets.Count == 0 || _targets.Contains(urn) || ProviderReference.IsProviderType(type) || type == WireConstants.StackType;

    /// <summary>Whether a recorded resource may be deleted or read in this run: no targets, or named by one.</summary>
    private bool IsTargeted(string urn) => _targets.Count == 0 || _targets.Contains(urn);

    /// <summary>
    /// A registration <c>--target</c> excludes: an existing resource is carried over unchanged ("same") without
    /// calling its provider; one that does not exist yet is not created.
    /// </summary>
    private static Step PlanUntargeted(string urn, ResourceState? old, ImmutableArray<string> waitFor)
    {
        if (old is null)
        {
            throw new NotTargetedException(urn);
        }

        return new Step { Kind = StepKind.Same, Urn = urn, Old = old, New = old with { Urn = urn }, WaitFor = waitFor };
    }

    /// <summary>Plans the creation of a resource recorded as pending replacement (deleted, its replacement never created).</summary>
    private async Task<Step> PlanRecreateAsync(string urn, ResourceGoal goal, ResourceState old, ImmutableArray<string> waitFor, CancellationToken cancellationToken)
    {
        var provider = ResolveProvider(urn, goal);
        var check = await CheckAsync(provider, urn, null, goal, cancellationToken).ConfigureAwait(false);
        return new Step
        {
            Kind = StepKind.Create,
            Urn = urn,
            Old = old,
            New = NewState(urn, goal, null, check, null),
            Provider = provider,
            WaitFor = waitFor,
        };
    }

    /// <summary>For a targeted destroy: the targets and, transitively, every recorded resource that depends on one.</summary>
    private List<ResourceState> TargetsAndDependents()
    {
        var doomed = new HashSet<string>(_targets, StringComparer.Ordinal);
        bool added;
        do
        {
            added = false;
            foreach (var resource in _options.OldResources)
            {
                if (!doomed.Contains(resource.Urn) && DependencyUrnsOf(resource).Any(doomed.Contains))
                {
                    doomed.Add(resource.Urn);
                    added = true;
                }
            }
        }
        while (added);

        return [.. _options.OldResources.Where(r => doomed.Contains(r.Urn))];
    }
}
