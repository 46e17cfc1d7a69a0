using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Planning;

/// <summary>
/// Turns each registration into a step by checking and diffing it with its provider against the
/// recorded state: same, create, update, replace (create-before-delete, or delete-before-replace when
/// asked or when the provider requires it), read or import. After the program finished it plans the
/// deletes of what was not registered; it also plans destroy and refresh. Thread-safe: registrations
/// arrive concurrently.
/// </summary>
internal sealed partial class Planner
{
    private readonly PlannerOptions _options;
    private readonly ProviderRegistry _registry;
    private readonly Dictionary<string, ResourceState> _oldByUrn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _registered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _claimedOld = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ResourceState> _replacedOld = new();
    private readonly FrozenSet<string> _targets;

    public Planner(PlannerOptions options, ProviderRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _options = options;
        _registry = registry;
        _targets = options.Targets.IsDefault ? FrozenSet<string>.Empty : options.Targets.ToFrozenSet(StringComparer.Ordinal);
        foreach (var resource in options.OldResources)
        {
            if (!resource.Delete)
            {
                _oldByUrn[resource.Urn] = resource;
            }
        }
    }

    /// <summary>The URNs registered so far in this run.</summary>
    public IReadOnlyCollection<string> RegisteredUrns => [.. _registered.Keys];

    /// <summary>Plans one registration.</summary>
    public async Task<Step> PlanAsync(ResourceGoal goal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var urn = Claim(goal);
        var old = FindOld(urn, goal.Aliases);
        var waitFor = WaitForOf(goal);
        if (!IsTargetedForUpdate(urn, goal.Type))
        {
            return PlanUntargeted(urn, old, waitFor);
        }

        if (old is { PendingReplacement: true } && goal.Custom)
        {
            // A delete-before-replace deleted it and the create failed: it no longer exists, so it is created again.
            return await PlanRecreateAsync(urn, goal, old, waitFor, cancellationToken).ConfigureAwait(false);
        }

        if (!goal.Custom)
        {
            var component = NewState(urn, goal, old, goal.Inputs, null);
            return new Step { Kind = old is null ? StepKind.Create : StepKind.Same, Urn = urn, Old = old, New = component, WaitFor = waitFor };
        }

        var provider = ResolveProvider(urn, goal);
        var isImport = !string.IsNullOrEmpty(goal.ImportId) && (old is null || old.Id != goal.ImportId);
        var check = await CheckAsync(provider, urn, isImport ? null : old, goal, cancellationToken).ConfigureAwait(false);

        if (isImport)
        {
            if (old is not null)
            {
                throw new PlanningException(urn, $"Resource '{urn}' cannot import ID '{goal.ImportId}': it already exists in the state with ID '{old.Id}'.");
            }

            var imported = NewState(urn, goal, null, check, null) with { Id = goal.ImportId };
            return new Step { Kind = StepKind.Import, Urn = urn, New = imported, Provider = provider, WaitFor = waitFor };
        }

        if (old is null)
        {
            return new Step { Kind = StepKind.Create, Urn = urn, New = NewState(urn, goal, null, check, null), Provider = provider, WaitFor = waitFor };
        }

        var inputs = check;
        foreach (var path in goal.IgnoreChanges)
        {
            inputs = Parse(urn, path, "ignoreChanges").KeepOld(old.Inputs, inputs);
        }

        var diff = await DiffAsync(provider, urn, old, goal, inputs, cancellationToken).ConfigureAwait(false);
        var changes = PropertyMaps.Compare(old.Inputs, inputs);
        var changedKeys = !diff.ChangedKeys.IsEmpty ? diff.ChangedKeys : [.. changes.Keys];
        var hasChanges = diff.Changes == DiffChanges.Some || (diff.Changes == DiffChanges.Unknown && !changes.IsEmpty);

        var replaceKeys = new SortedSet<string>(diff.ReplaceKeys, StringComparer.Ordinal);
        foreach (var (path, change) in diff.DetailedDiff)
        {
            if (change.IsReplace)
            {
                replaceKeys.Add(path);
            }
        }

        foreach (var path in goal.ReplaceOnChanges)
        {
            if (Parse(urn, path, "replaceOnChanges").Differs(old.Inputs, inputs))
            {
                replaceKeys.Add(path);
            }
        }

        var newState = NewState(urn, goal, old, inputs, old.Id);
        if (replaceKeys.Count > 0)
        {
            if (old.Protect)
            {
                throw new PlanningException(
                    urn,
                    $"Resource '{urn}' is protected and cannot be replaced (changes to {string.Join(", ", replaceKeys)} force a replacement). " +
                    "To allow it, set protect to false, run an update, then make the change.");
            }

            var deleteBeforeReplace = goal.DeleteBeforeReplaceDefined ? goal.DeleteBeforeReplace : goal.DeleteBeforeReplace || diff.DeleteBeforeReplace;
            if (!deleteBeforeReplace)
            {
                _replacedOld.Enqueue(old with { Delete = true });
            }

            return new Step
            {
                Kind = StepKind.Replace,
                Urn = urn,
                Old = old,
                New = newState with { Id = null, Outputs = PropertyMaps.Empty, Created = null },
                Provider = provider,
                WaitFor = waitFor,
                Diff = diff,
                DeleteBeforeReplace = deleteBeforeReplace,
                ReplaceKeys = [.. replaceKeys],
                ChangedKeys = changedKeys,
            };
        }

        if (hasChanges)
        {
            return new Step
            {
                Kind = StepKind.Update, Urn = urn, Old = old, New = newState, Provider = provider, WaitFor = waitFor, Diff = diff, ChangedKeys = changedKeys,
            };
        }

        if (ProviderReference.IsProviderType(goal.Type) && old.Id is { } providerId)
        {
            // An unchanged provider keeps its ID, but this run still needs a configured instance of it.
            await _registry.EnsureLoadedAsync(new ProviderReference(urn, providerId), inputs, _options.Preview, cancellationToken).ConfigureAwait(false);
        }

        return new Step { Kind = StepKind.Same, Urn = urn, Old = old, New = newState, Provider = provider, WaitFor = waitFor, Diff = diff };
    }

    /// <summary>Plans a read of an external resource by ID (ReadResource, <c>Resource.Get</c>).</summary>
    public Task<Step> PlanReadAsync(ResourceGoal goal, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentException.ThrowIfNullOrEmpty(id);
        cancellationToken.ThrowIfCancellationRequested();
        var urn = Claim(goal);
        var old = FindOld(urn, goal.Aliases);
        var provider = ResolveProvider(urn, goal);
        var state = NewState(urn, goal, old, goal.Inputs, id) with { External = true, Outputs = PropertyMaps.Empty };
        return Task.FromResult(new Step { Kind = StepKind.Read, Urn = urn, Old = old, New = state, Provider = provider, WaitFor = WaitForOf(goal) });
    }

    private string Claim(ResourceGoal goal)
    {
        var urn = ResourceUrn.Create(_options.Stack, _options.Project, goal.Parent, goal.Type, goal.Name);
        if (!_registered.TryAdd(urn, urn))
        {
            throw new PlanningException(urn, $"Duplicate resource URN '{urn}'; try giving it a unique name.");
        }

        return urn;
    }

    private ResourceState? FindOld(string urn, ImmutableArray<string> aliases)
    {
        if (_oldByUrn.TryGetValue(urn, out var old))
        {
            _claimedOld.TryAdd(urn, urn);
            return old;
        }

        foreach (var alias in aliases)
        {
            if (_oldByUrn.TryGetValue(alias, out var aliased) && _claimedOld.TryAdd(alias, urn))
            {
                return aliased;
            }
        }

        return null;
    }

    private IResourceProvider ResolveProvider(string urn, ResourceGoal goal)
    {
        if (ProviderReference.IsProviderType(goal.Type))
        {
            return _registry.ProviderResources;
        }

        if (string.IsNullOrEmpty(goal.Provider))
        {
            throw new PlanningException(
                urn,
                $"Resource '{urn}' has no provider reference; register the default provider of package '{ResourceUrn.PackageOf(goal.Type)}' first " +
                "(DefaultProviders.Goal) and pass its reference.");
        }

        var reference = ParseReference(urn, goal.Provider);
        var package = ResourceUrn.PackageOf(goal.Type);
        if (reference.Package != package)
        {
            throw new PlanningException(
                urn,
                $"Resource '{urn}' of package '{package}' cannot use provider '{goal.Provider}', which serves package '{reference.Package}'.");
        }

        return _registry.Get(goal.Provider);
    }

    private static ProviderReference ParseReference(string urn, string reference)
    {
        try
        {
            return ProviderReference.Parse(reference);
        }
        catch (FormatException ex)
        {
            throw new PlanningException(urn, $"Resource '{urn}': {ex.Message}", innerException: ex);
        }
    }

    private static PropertyPath Parse(string urn, string path, string option)
    {
        try
        {
            return PropertyPath.Parse(path);
        }
        catch (FormatException ex)
        {
            throw new PlanningException(urn, $"Resource '{urn}' has an invalid {option} entry: {ex.Message}", innerException: ex);
        }
    }

    private static async Task<ImmutableSortedDictionary<string, PropertyValue>> CheckAsync(
        IResourceProvider provider,
        string urn,
        ResourceState? old,
        ResourceGoal goal,
        CancellationToken cancellationToken)
    {
        CheckResult result;
        try
        {
            result = await provider.CheckAsync(
                new CheckRequest { Urn = urn, Olds = old?.Inputs ?? PropertyMaps.Empty, News = goal.Inputs }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PlanningException)
        {
            throw new PlanningException(urn, $"Checking the inputs of '{urn}' failed: {ex.Message}", innerException: ex);
        }

        if (!result.Failures.IsEmpty)
        {
            var problems = result.Failures
                .Select(f => f.Property.Length == 0 ? f.Reason : $"property '{f.Property}': {f.Reason}")
                .ToImmutableArray();
            throw new PlanningException(
                urn,
                $"Resource '{urn}' ({goal.Type}) has invalid inputs:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}",
                problems);
        }

        return PropertyMaps.Ordinal(result.Inputs);
    }

    private static async Task<DiffResult> DiffAsync(
        IResourceProvider provider,
        string urn,
        ResourceState old,
        ResourceGoal goal,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        CancellationToken cancellationToken)
    {
        try
        {
            return await provider.DiffAsync(
                new DiffRequest
                {
                    Urn = urn,
                    Id = old.Id ?? string.Empty,
                    OldInputs = old.Inputs,
                    OldOutputs = old.Outputs,
                    NewInputs = inputs,
                    IgnoreChanges = goal.IgnoreChanges,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PlanningException(urn, $"Diffing '{urn}' against its recorded state failed: {ex.Message}", innerException: ex);
        }
    }

    private static ImmutableArray<string> WaitForOf(ResourceGoal goal)
    {
        var urns = new SortedSet<string>(goal.Dependencies, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(goal.Parent))
        {
            urns.Add(goal.Parent);
        }

        foreach (var dependencies in goal.PropertyDependencies.Values)
        {
            urns.UnionWith(dependencies);
        }

        if (!ProviderReference.IsProviderType(goal.Type) && goal.Custom && !string.IsNullOrEmpty(goal.Provider))
        {
            var split = goal.Provider.LastIndexOf("::", StringComparison.Ordinal);
            if (split > 0)
            {
                urns.Add(goal.Provider[..split]);
            }
        }

        return [.. urns];
    }

    private static ResourceState NewState(
        string urn,
        ResourceGoal goal,
        ResourceState? old,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        string? id) => new()
        {
            Urn = urn,
            Type = goal.Type,
            Custom = goal.Custom,
            Id = id,
            Inputs = inputs,
            Outputs = old?.Outputs ?? PropertyMaps.Empty,
            Parent = goal.Parent,
            Protect = goal.Protect,
            Dependencies = goal.Dependencies,
            Provider = goal.Custom && !ProviderReference.IsProviderType(goal.Type) ? goal.Provider : null,
            PropertyDependencies = goal.PropertyDependencies,
            AdditionalSecretOutputs = goal.AdditionalSecretOutputs,
            CustomTimeouts = goal.CustomTimeouts,
            ImportId = goal.ImportId,
            RetainOnDelete = goal.RetainOnDelete,
            DeletedWith = goal.DeletedWith,
            IgnoreChanges = goal.IgnoreChanges,
            ReplaceOnChanges = goal.ReplaceOnChanges,
            Created = old?.Created,
            Modified = old?.Modified,
        };
}
