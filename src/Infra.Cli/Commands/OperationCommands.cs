using System.Collections.Immutable;
using System.CommandLine;
using Infra.Cli.Hosting;
using Infra.Cli.Rendering;
using Infra.Cli.Workspace;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.State;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra preview|up|destroy|refresh</c>. Without <c>--yes</c>, up/destroy/refresh first show a preview
/// (destroy: the resources in state that will be deleted; refresh: what will be read) and ask on a terminal;
/// without a terminal they refuse. <c>--skip-preview</c> proceeds without a preview.
/// </summary>
internal static class OperationCommands
{
    private const string UrnPrefix = "urn:pulumi:";

    public static IEnumerable<Command> Create(CliApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        yield return Build(app, "preview", OperationKind.Preview, "Show what an update would change");
        yield return Build(app, "up", OperationKind.Update, "Create or update the stack's resources");
        yield return Build(app, "destroy", OperationKind.Destroy, "Delete every resource of the stack");
        yield return Build(app, "refresh", OperationKind.Refresh, "Read the live state of the stack's resources into its state");
    }

    private static Command Build(CliApplication app, string name, OperationKind kind, string description)
    {
        var isPreview = kind == OperationKind.Preview;
        var yes = CliOptions.Yes();
        var skipPreview = CliOptions.SkipPreview();
        var diff = CliOptions.Diff();
        var json = CliOptions.Json();
        var parallel = CliOptions.Parallel(4 * app.Services.ProcessorCount);
        var target = CliOptions.Target();
        var refresh = CliOptions.Refresh();
        var showSecrets = CliOptions.ShowSecrets();
        var command = new Command(name, description) { diff, json, parallel, target, showSecrets };
        if (kind != OperationKind.Refresh)
        {
            command.Options.Add(refresh);
        }

        if (!isPreview)
        {
            command.Options.Add(yes);
            command.Options.Add(skipPreview);
        }

        if (kind == OperationKind.Update)
        {
            command.Aliases.Add("update");
        }

        app.SetAction(command, async context =>
        {
            var flags = new OperationFlags
            {
                Kind = kind,
                Yes = !isPreview && context.Get(yes),
                SkipPreview = !isPreview && context.Get(skipPreview),
                Diff = context.Get(diff),
                Json = context.Get(json),
                Parallel = context.Get(parallel),
                Targets = [.. context.Get(target) ?? []],
                RefreshFirst = kind != OperationKind.Refresh && context.Get(refresh),
                ShowSecrets = context.Get(showSecrets),
            };
            return await RunAsync(context, flags).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Checks the flags that do not need the project.</summary>
    /// <exception cref="UsageException">A flag value is invalid.</exception>
    public static void Validate(OperationFlags flags, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (flags.Parallel < 1)
        {
            throw new UsageException($"--parallel: must be at least 1 (was {flags.Parallel})");
        }

        var bad = flags.Targets.FirstOrDefault(t => !t.StartsWith(UrnPrefix, StringComparison.Ordinal));
        if (bad is not null)
        {
            throw new UsageException($"--target: must be a resource URN (urn:pulumi:<stack>::<project>::<type>::<name>) (was '{bad}')");
        }

        if (flags.Kind == OperationKind.Preview || flags.Yes || flags.SkipPreview)
        {
            return;
        }

        if (flags.Json)
        {
            throw new UsageException("--yes or --skip-preview must be passed in to proceed when running with --json");
        }

        if (!interactive)
        {
            throw new UsageException("--yes or --skip-preview must be passed in to proceed when running in non-interactive mode");
        }
    }

    private static async Task<int> RunAsync(CommandContext context, OperationFlags flags)
    {
        Validate(flags, context.Interactive);
        var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
        var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
        var settings = await workspace.LoadSettingsAsync(stack, context.CancellationToken).ConfigureAwait(false);
        var crypter = settings.EncryptionSalt is null ? null : workspace.OpenCrypter(settings, createIfMissing: false);
        var request = new OperationRequest
        {
            Kind = flags.Kind,
            Project = workspace.Project,
            Stack = stack,
            Backend = workspace.Backend,
            StackSettings = settings,
            Crypter = crypter,
            BuiltInProviders = context.Services.BuiltInProviders(),
            Parallel = flags.Parallel,
            Targets = flags.Targets,
            RefreshFirst = flags.RefreshFirst || (flags.Kind != OperationKind.Refresh && workspace.Project.RefreshAlways),
            TimeProvider = context.Services.TimeProvider,
        };
        var options = new RenderOptions { ShowSecrets = flags.ShowSecrets, ShowDiff = flags.Diff };
        var config = ConfigCommands.DisplayConfig(settings, workspace.Project.Name, crypter);
        var engine = context.Services.EngineFactory();

        if (flags.Kind == OperationKind.Preview)
        {
            var preview = await RenderRunAsync(context, flags, options, config, observer => engine.RunAsync(request, observer, context.CancellationToken))
                .ConfigureAwait(false);
            return await ReportAsync(context, preview).ConfigureAwait(false);
        }

        if (!flags.SkipPreview && !flags.Json)
        {
            var previewEvents = await PreviewAsync(context, flags, options, config, workspace, stack, engine, request).ConfigureAwait(false);
            if (previewEvents is null)
            {
                return ExitCodes.Failure;
            }

            if (!flags.Yes && !await ConfirmAsync(context, flags, options, previewEvents).ConfigureAwait(false))
            {
                await context.Services.Error.WriteLineAsync($"error: confirmation declined, not proceeding with the {Noun(flags.Kind)}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        var result = await RenderRunAsync(context, flags, options, config, observer => engine.RunAsync(request, observer, context.CancellationToken))
            .ConfigureAwait(false);
        return await ReportAsync(context, result).ConfigureAwait(false);
    }

    /// <summary>Shows the preview before a mutating run; returns its events, or null when it failed.</summary>
    private static async Task<IReadOnlyList<OperationEvent>?> PreviewAsync(
        CommandContext context,
        OperationFlags flags,
        RenderOptions options,
        IReadOnlyList<KeyValuePair<string, string>> config,
        CliWorkspace workspace,
        StackReference stack,
        IDeploymentEngine engine,
        OperationRequest request)
    {
        switch (flags.Kind)
        {
            case OperationKind.Update:
                IReadOnlyList<OperationEvent> events = [];
                var result = await RenderRunAsync(context, flags, options, config, async observer =>
                {
                    var recorder = new RecordingObserver(observer);
                    var run = await engine.RunAsync(request with { Kind = OperationKind.Preview }, recorder, context.CancellationToken).ConfigureAwait(false);
                    events = recorder.Events;
                    return run;
                }).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    await ReportAsync(context, result).ConfigureAwait(false);
                    return null;
                }

                return events;
            case OperationKind.Destroy:
                var snapshot = await workspace.Backend.LoadAsync(stack, BlindingCrypter.Instance, context.CancellationToken).ConfigureAwait(false);
                var planned = DestroyPreview(workspace.Project.Name, stack.Name, snapshot, flags.Targets);
                await RenderRunAsync(context, flags, options with { PreviewOf = OperationKind.Destroy }, config, async observer =>
                {
                    foreach (var operationEvent in planned)
                    {
                        await observer.OnEventAsync(operationEvent, context.CancellationToken).ConfigureAwait(false);
                    }

                    return ((OperationFinishedEvent)planned[^1]).Result;
                }).ConfigureAwait(false);
                return planned;
            default:
                var state = await workspace.Backend.LoadAsync(stack, BlindingCrypter.Instance, context.CancellationToken).ConfigureAwait(false);
                var count = state?.Resources.Count(r => !TypeDisplay.IsDefaultProvider(r.Type, TypeDisplay.NameOfUrn(r.Urn))) ?? 0;
                await context.Out.WriteLineAsync($"Refreshing reads the live state of {count} resource(s) of stack '{stack.Name}'.").ConfigureAwait(false);
                await context.Out.WriteLineAsync("No resources will be modified as part of this refresh; just your stack's state will be.").ConfigureAwait(false);
                return [];
        }
    }

    /// <summary>
    /// The events of a destroy preview, built from the state: every resource (or the targets and their dependents)
    /// deleted in reverse order. Default providers are counted like the engine counts them; the renderers hide them.
    /// </summary>
    public static IReadOnlyList<OperationEvent> DestroyPreview(string project, string stack, StackSnapshot? snapshot, ImmutableArray<string> targets)
    {
        var resources = snapshot?.Resources ?? [];
        var selected = new HashSet<string>(StringComparer.Ordinal);
        if (targets.IsDefaultOrEmpty)
        {
            selected.UnionWith(resources.Select(r => r.Urn));
        }
        else
        {
            selected.UnionWith(targets);
            bool added;
            do
            {
                added = false;
                foreach (var resource in resources)
                {
                    if (!selected.Contains(resource.Urn)
                        && (resource.Dependencies.Any(selected.Contains) || (resource.Parent is not null && selected.Contains(resource.Parent))))
                    {
                        added |= selected.Add(resource.Urn);
                    }
                }
            }
            while (added);
        }

        var events = new List<OperationEvent> { new OperationStartedEvent(OperationKind.Preview, project, stack) };
        var deletes = 0;
        foreach (var resource in resources.Reverse().Where(r => selected.Contains(r.Urn)))
        {
            var name = TypeDisplay.NameOfUrn(resource.Urn);
            deletes++;
            events.Add(new ResourceStepEvent
            {
                Urn = resource.Urn,
                Type = resource.Type,
                Name = name,
                Parent = resource.Parent,
                Kind = StepKind.Delete,
                Phase = StepPhase.Started,
            });
        }

        var counts = deletes == 0
            ? ImmutableSortedDictionary<StepKind, int>.Empty
            : ImmutableSortedDictionary<StepKind, int>.Empty.Add(StepKind.Delete, deletes);
        events.Add(new OperationFinishedEvent(new OperationResult
        {
            Kind = OperationKind.Preview,
            Succeeded = true,
            Counts = counts,
            Duration = TimeSpan.Zero,
        }));
        return events;
    }

    private static async Task<bool> ConfirmAsync(CommandContext context, OperationFlags flags, RenderOptions options, IReadOnlyList<OperationEvent> previewEvents)
    {
        var terminal = context.Terminal
            ?? throw new UsageException("--yes or --skip-preview must be passed in to proceed when running in non-interactive mode");
        while (true)
        {
            var answer = terminal.Choose($"Do you want to perform this {Noun(flags.Kind)}?", ["yes", "no", "details"]);
            if (answer != "details")
            {
                return answer == "yes";
            }

            var model = new ProgressModel();
            foreach (var operationEvent in previewEvents)
            {
                model.Apply(operationEvent);
            }

            foreach (var (row, _) in ProgressTableFormatter.TreeOrder(model).Where(entry => entry.Row.Kind != StepKind.Same))
            {
                foreach (var line in DiffFormatter.Format(row, model.Depth(row), options.ShowSecrets))
                {
                    await context.Out.WriteLineAsync(line).ConfigureAwait(false);
                }
            }

            await context.Out.WriteLineAsync().ConfigureAwait(false);
        }
    }

    private static async Task<OperationResult> RenderRunAsync(
        CommandContext context,
        OperationFlags flags,
        RenderOptions options,
        IReadOnlyList<KeyValuePair<string, string>> config,
        Func<IOperationObserver, Task<OperationResult>> run)
    {
        if (flags.Json)
        {
            IOperationObserver json = flags.Kind == OperationKind.Preview
                ? new JsonPreviewRenderer(context.Out, config)
                : new JsonEventStreamRenderer(context.Out, options);
            return await run(json).ConfigureAwait(false);
        }

        if (flags.Diff || context.Terminal is null)
        {
            return await run(new PlainProgressRenderer(context.Out, options)).ConfigureAwait(false);
        }

        var live = new LiveProgressRenderer(context.Terminal.Console, options);
        await using (live.ConfigureAwait(false))
        {
            return await run(live).ConfigureAwait(false);
        }
    }

    private static async Task<int> ReportAsync(CommandContext context, OperationResult result)
    {
        if (result.Succeeded)
        {
            return ExitCodes.Success;
        }

        await context.Services.Error.WriteLineAsync($"error: the {Noun(result.Kind)} failed").ConfigureAwait(false);
        foreach (var failure in result.Failures)
        {
            await context.Services.Error.WriteLineAsync("  " + failure).ConfigureAwait(false);
        }

        return ExitCodes.Failure;
    }

    private static string Noun(OperationKind kind) => kind switch
    {
        OperationKind.Preview => "preview",
        OperationKind.Destroy => "destroy",
        OperationKind.Refresh => "refresh",
        _ => "update",
    };
}
