using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Execution;

internal sealed partial class StepExecutor
{
    private async Task<StepResult> ApplyAsync(Step step)
    {
        try
        {
            return step.Kind switch
            {
                StepKind.Same => Succeeded(step, step.New),
                StepKind.Create => Succeeded(step, await CreateAsync(step, Required(step.New, step)).ConfigureAwait(false)),
                StepKind.Update => Succeeded(step, await UpdateAsync(step).ConfigureAwait(false)),
                StepKind.Replace => await ReplaceAsync(step).ConfigureAwait(false),
                StepKind.Delete => await DeleteAsync(step).ConfigureAwait(false),
                StepKind.Read => Succeeded(step, await ReadByIdAsync(step, PendingOperationType.Reading).ConfigureAwait(false)),
                StepKind.Import => Succeeded(step, await ReadByIdAsync(step, PendingOperationType.Importing).ConfigureAwait(false)),
                StepKind.Refresh => await RefreshAsync(step).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Step kind {step.Kind} is not supported."),
            };
        }
        catch (StepTimeoutException ex)
        {
            return Failed(step, ex.Message, ex);
        }
        catch (Exception ex)
        {
            return Failed(step, $"{step.Kind} of '{step.Urn}' failed: {ex.Message}", ex);
        }
    }

    private static StepResult Succeeded(Step step, ResourceState? state) =>
        new() { Step = step, Status = StepStatus.Succeeded, Old = step.Old, New = state };

    private static ResourceState Required(ResourceState? state, Step step) =>
        state ?? throw new InvalidOperationException($"The {step.Kind} step of '{step.Urn}' has no resource state.");

    private async Task<ResourceState> CreateAsync(Step step, ResourceState goal)
    {
        var now = _options.TimeProvider.GetUtcNow();
        if (step.Provider is null)
        {
            return goal with { Created = goal.Created ?? now, Modified = now };
        }

        if (!TakeRecordedAhead(step))
        {
            await BeforeMutationAsync(goal, PendingOperationType.Creating).ConfigureAwait(false);
        }

        var timeout = TimeoutOf(goal, t => t.Create);
        var result = await WithTimeoutAsync(step, "Create", "create", timeout, token => step.Provider.CreateAsync(
            new CreateRequest { Urn = step.Urn, Inputs = goal.Inputs, Timeout = timeout, Preview = _options.Preview, Progress = ProgressOf(step) }, token)).ConfigureAwait(false);
        if (!_options.Preview && string.IsNullOrEmpty(result.Id))
        {
            throw new InvalidOperationException("the provider returned no ID for the created resource");
        }

        return goal with
        {
            Id = result.Id,
            Outputs = MarkSecret(result.Outputs, goal.AdditionalSecretOutputs),
            Created = now,
            Modified = now,
        };
    }

    private async Task<ResourceState> UpdateAsync(Step step)
    {
        var goal = Required(step.New, step);
        var old = Required(step.Old, step);
        if (step.Provider is null)
        {
            return goal with { Modified = _options.TimeProvider.GetUtcNow() };
        }

        if (!TakeRecordedAhead(step))
        {
            await BeforeMutationAsync(goal, PendingOperationType.Updating).ConfigureAwait(false);
        }

        var timeout = TimeoutOf(goal, t => t.Update);
        var result = await WithTimeoutAsync(step, "Update", "update", timeout, token => step.Provider.UpdateAsync(
            new UpdateRequest
            {
                Urn = step.Urn,
                Id = old.Id ?? string.Empty,
                OldInputs = old.Inputs,
                OldOutputs = old.Outputs,
                NewInputs = goal.Inputs,
                IgnoreChanges = goal.IgnoreChanges,
                Timeout = timeout,
                Progress = ProgressOf(step),
                Preview = _options.Preview,
            },
            token)).ConfigureAwait(false);
        return goal with
        {
            Id = old.Id,
            Outputs = MarkSecret(result.Outputs, goal.AdditionalSecretOutputs),
            Modified = _options.TimeProvider.GetUtcNow(),
        };
    }

    private async Task<StepResult> ReplaceAsync(Step step)
    {
        var old = Required(step.Old, step);
        var goal = Required(step.New, step);
        if (step.DeleteBeforeReplace)
        {
            var deleted = !_options.Preview && !old.RetainOnDelete;
            if (deleted)
            {
                await DeleteWithProviderAsync(step, old).ConfigureAwait(false);
            }

            try
            {
                return Succeeded(step, await CreateAsync(step, goal).ConfigureAwait(false));
            }
            catch (Exception ex) when (deleted)
            {
                // The old resource is gone: the failed result records it as pending replacement, so a re-run creates it.
                var message = ex is StepTimeoutException ? ex.Message : $"{step.Kind} of '{step.Urn}' failed: {ex.Message}";
                return Failed(step, message + " The old resource was already deleted; it is recorded as pending replacement.", ex)
                    with { New = old with { PendingReplacement = true } };
            }
        }

        var replacement = await CreateAsync(step, goal).ConfigureAwait(false);
        return new StepResult
        {
            Step = step,
            Status = StepStatus.Succeeded,
            Old = old,
            New = replacement,
            Retired = old with { Delete = true },
        };
    }

    private async Task<StepResult> DeleteAsync(Step step)
    {
        var old = Required(step.Old, step);
        if (!_options.Preview && step.SkipProviderDeleteReason is null && step.Provider is not null && old.Custom)
        {
            await DeleteWithProviderAsync(step, old).ConfigureAwait(false);
        }

        return new StepResult { Step = step, Status = StepStatus.Succeeded, Old = old, New = null, Message = step.SkipProviderDeleteReason };
    }

    private async Task DeleteWithProviderAsync(Step step, ResourceState old)
    {
        var provider = step.Provider ?? throw new InvalidOperationException($"No provider to delete '{step.Urn}'.");
        await BeforeMutationAsync(old, PendingOperationType.Deleting).ConfigureAwait(false);
        var timeout = TimeoutOf(old, t => t.Delete);
        await WithTimeoutAsync(step, "Delete", "delete", timeout, async token =>
        {
            await provider.DeleteAsync(
                new DeleteRequest { Urn = old.Urn, Id = old.Id ?? string.Empty, Inputs = old.Inputs, Outputs = old.Outputs, Timeout = timeout, Progress = ProgressOf(step) },
                token).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private async Task<ResourceState> ReadByIdAsync(Step step, PendingOperationType kind)
    {
        var goal = Required(step.New, step);
        var provider = step.Provider ?? throw new InvalidOperationException($"No provider to read '{step.Urn}'.");
        var id = goal.Id ?? throw new InvalidOperationException($"No ID to read '{step.Urn}'.");
        await BeforeMutationAsync(goal, kind).ConfigureAwait(false);
        var timeout = TimeoutOf(goal, t => t.Read);
        var result = await WithTimeoutAsync(step, "Read", "read", timeout, token => provider.ReadAsync(
            new ReadRequest { Urn = step.Urn, Id = id, Inputs = kind == PendingOperationType.Importing ? PropertyMaps.Empty : goal.Inputs, Timeout = timeout, Progress = ProgressOf(step) },
            token)).ConfigureAwait(false);
        if (result.Outputs is null)
        {
            throw new InvalidOperationException(kind == PendingOperationType.Importing
                ? $"there is no resource with ID '{id}' to import"
                : $"there is no resource with ID '{id}'");
        }

        var now = _options.TimeProvider.GetUtcNow();
        return goal with
        {
            Id = result.Id ?? id,
            Inputs = kind == PendingOperationType.Reading && !result.Inputs.IsEmpty ? result.Inputs : goal.Inputs,
            Outputs = MarkSecret(result.Outputs, goal.AdditionalSecretOutputs),
            Created = goal.Created ?? now,
            Modified = now,
        };
    }

    private async Task<StepResult> RefreshAsync(Step step)
    {
        var old = Required(step.Old, step);
        var provider = step.Provider ?? throw new InvalidOperationException($"No provider to refresh '{step.Urn}'.");
        var timeout = TimeoutOf(old, t => t.Read);
        var result = await WithTimeoutAsync(step, "Read", "read", timeout, token => provider.ReadAsync(
            new ReadRequest { Urn = old.Urn, Id = old.Id ?? string.Empty, Inputs = old.Inputs, State = old.Outputs, Timeout = timeout, Progress = ProgressOf(step) },
            token)).ConfigureAwait(false);
        if (result.Outputs is null)
        {
            return new StepResult { Step = step, Status = StepStatus.Succeeded, Old = old, New = null, Gone = true };
        }

        var outputs = MarkSecret(result.Outputs, old.AdditionalSecretOutputs);
        var refreshed = old with
        {
            Id = result.Id ?? old.Id,
            Inputs = result.Inputs.IsEmpty ? old.Inputs : result.Inputs,
            Outputs = outputs,
        };
        return new StepResult
        {
            Step = step,
            Status = StepStatus.Succeeded,
            Old = old,
            New = refreshed,
            Drift = PropertyMaps.Compare(old.Outputs, outputs),
        };
    }

    private async Task BeforeMutationAsync(ResourceState resource, PendingOperationType kind)
    {
        if (!_options.Preview && _options.Observer is { } observer)
        {
            await observer.BeforeMutationAsync(new PendingOperation(resource, kind), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static TimeSpan? TimeoutOf(ResourceState state, Func<ResourceTimeouts, double> select) =>
        state.CustomTimeouts is { } timeouts && select(timeouts) > 0 ? TimeSpan.FromSeconds(select(timeouts)) : null;

    private async Task<T> WithTimeoutAsync<T>(Step step, string operation, string timeoutName, TimeSpan? timeout, Func<CancellationToken, Task<T>> call)
    {
        if (timeout is null)
        {
            return await call(CancellationToken.None).ConfigureAwait(false);
        }

        using var source = new CancellationTokenSource(timeout.Value, _options.TimeProvider);
        try
        {
            return await call(source.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (source.IsCancellationRequested)
        {
            throw new StepTimeoutException(
                $"{operation} of '{step.Urn}' timed out after {FormatDuration(timeout.Value)} (customTimeouts.{timeoutName}).", ex);
        }
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds < 60 || duration.TotalSeconds % 60 != 0 ? $"{duration.TotalSeconds:0.###}s" : $"{duration.TotalMinutes:0.###}m";

    private static ImmutableSortedDictionary<string, PropertyValue> MarkSecret(
        ImmutableSortedDictionary<string, PropertyValue> outputs,
        ImmutableArray<string> additionalSecretOutputs)
    {
        var result = PropertyMaps.Ordinal(outputs);
        foreach (var key in additionalSecretOutputs)
        {
            if (result.TryGetValue(key, out var value))
            {
                result = result.SetItem(key, PropertyValue.CreateSecret(value));
            }
        }

        return result;
    }
}
