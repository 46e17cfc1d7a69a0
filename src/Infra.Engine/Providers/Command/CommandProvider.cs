using System.Collections.Immutable;
using System.Security.Cryptography;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// The built-in provider of package <c>command</c> (Pulumi command 1.x): <c>command:local:Command</c>,
/// <c>command:remote:Command</c>, <c>command:remote:CopyToRemote</c> and the <c>command:local:run</c> function.
/// </summary>
/// <remarks>
/// Semantics (provider-schemas.md §3.2): create runs once; a change of any input but <c>triggers</c> is an update,
/// which runs <c>update</c> (or <c>create</c> again when there is no update command); a change of <c>triggers</c>
/// replaces; delete runs <c>delete</c> with the stored state and <c>PULUMI_COMMAND_STDOUT</c>/<c>STDERR</c> of the last
/// run; nothing runs during preview (stdout/stderr are unknown then). Outputs echo the inputs plus <c>stdout</c> and
/// <c>stderr</c>, which are secret when a command, stdin or environment value is. The connection is always secret.
/// Failures name the exit code and the tail of stderr with every secret masked. SSH is SSH.NET, with key, password
/// and ssh-agent authentication (<see cref="SshAgentClient"/>; <c>agentSocketPath</c>, else SSH_AUTH_SOCK).
/// </remarks>
internal sealed partial class CommandProvider : IResourceProvider
{
    /// <summary>The package name.</summary>
    public const string PackageName = "command";

    /// <summary>A command run on the engine's machine.</summary>
    public const string LocalCommandType = "command:local:Command";

    /// <summary>A command run over SSH.</summary>
    public const string RemoteCommandType = "command:remote:Command";

    /// <summary>An SFTP copy of an asset or archive.</summary>
    public const string CopyToRemoteType = "command:remote:CopyToRemote";

    /// <summary>The function that runs a local command on every call (also in preview).</summary>
    public const string RunFunction = "command:local:run";

    private const string StdoutKey = "stdout";
    private const string StderrKey = "stderr";
    private const string StdoutVariable = "PULUMI_COMMAND_STDOUT";
    private const string StderrVariable = "PULUMI_COMMAND_STDERR";

    private static readonly string[] SecretSources = ["create", "update", "delete", "stdin", "environment"];

    private readonly TimeProvider _timeProvider;
    private readonly SshDialOptions _dialOptions;
    private readonly Func<string, string?> _environment;
    private readonly SshDialer _dialer;

    /// <summary>Creates the provider; the pauses between SSH dials go through <paramref name="timeProvider"/>.</summary>
    public CommandProvider(TimeProvider timeProvider)
        : this(timeProvider, SshDialOptions.Default)
    {
    }

    /// <summary>
    /// Creates the provider with explicit dial pauses and the engine's environment (test seams);
    /// <paramref name="environment"/> (default: the process environment) supplies SSH_AUTH_SOCK.
    /// </summary>
    internal CommandProvider(TimeProvider timeProvider, SshDialOptions dialOptions, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(dialOptions);
        _timeProvider = timeProvider;
        _dialOptions = dialOptions;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _dialer = new SshDialer(timeProvider, dialOptions, _environment);
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <summary>A factory handing out a fresh instance per provider (the provider keeps no state).</summary>
    public ProviderFactory Factory => (_, _) => new CommandProvider(_timeProvider, _dialOptions, _environment);

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = ResourceUrn.TypeOf(request.Urn);
        var result = type switch
        {
            LocalCommandType => CommandChecker.CheckLocal(request.News),
            RemoteCommandType => CommandChecker.CheckRemote(request.News, SshDialer.EnvironmentAgentSocket(_environment) is not null),
            CopyToRemoteType => CommandChecker.CheckCopy(request.News, SshDialer.EnvironmentAgentSocket(_environment) is not null),
            _ => new CheckResult { Inputs = request.News, Failures = [UnknownType(type)] },
        };
        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = PropertyMaps.Compare(Plain(request.OldInputs), Plain(request.NewInputs));
        if (changes.IsEmpty)
        {
            return Task.FromResult(DiffResult.NoChanges);
        }

        var detailed = changes.ToImmutableSortedDictionary(
            p => p.Key,
            p => new PropertyDiff(p.Key == "triggers" ? ToReplace(p.Value) : p.Value),
            StringComparer.Ordinal);
        return Task.FromResult(new DiffResult
        {
            Changes = DiffChanges.Some,
            ChangedKeys = [.. changes.Keys],
            ReplaceKeys = changes.ContainsKey("triggers") ? ["triggers"] : [],
            DetailedDiff = detailed,
        });
    }

    /// <inheritdoc/>
    public async Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = ResourceUrn.TypeOf(request.Urn);
        var name = ResourceUrn.NameOf(request.Urn);
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        switch (type)
        {
            case LocalCommandType:
            case RemoteCommandType:
                {
                    var spec = CommandSpec.From(inputs);
                    if (request.Preview)
                    {
                        return new CreateResult { Id = null, Outputs = PredictOutputs(inputs, inputs.ContainsKey("create"), type) };
                    }

                    var id = name + NewHex();
                    var result = spec.Create is { } create
                        ? await RunAsync(type, name, "create", spec, create, spec.Environment, inputs, request.Progress, cancellationToken).ConfigureAwait(false)
                        : new CommandRunResult(0, string.Empty, string.Empty);
                    return new CreateResult { Id = id, Outputs = WithResult(inputs, result, type == LocalCommandType ? spec : null) };
                }

            case CopyToRemoteType:
                {
                    if (request.Preview)
                    {
                        return new CreateResult { Id = null, Outputs = inputs };
                    }

                    await CopyAsync(inputs, request.Progress, cancellationToken).ConfigureAwait(false);
                    return new CreateResult { Id = NewHex(), Outputs = inputs };
                }

            default:
                throw new InvalidOperationException($"The command provider has no resource type '{type}' (known: {LocalCommandType}, {RemoteCommandType}, {CopyToRemoteType}).");
        }
    }

    /// <inheritdoc/>
    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Commands have no live state to read back: the recorded state is the truth.
        return Task.FromResult(new ReadResult { Id = request.Id, Inputs = request.Inputs, Outputs = request.State });
    }

    /// <inheritdoc/>
    public async Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = ResourceUrn.TypeOf(request.Urn);
        var name = ResourceUrn.NameOf(request.Urn);
        var inputs = PropertyMaps.Ordinal(request.NewInputs);
        switch (type)
        {
            case LocalCommandType:
            case RemoteCommandType:
                {
                    var spec = CommandSpec.From(inputs);
                    var runs = inputs.ContainsKey("update") || inputs.ContainsKey("create");
                    if (request.Preview)
                    {
                        return new UpdateResult { Outputs = runs ? PredictOutputs(inputs, true, type) : Keep(inputs, request.OldOutputs) };
                    }

                    var command = spec.Update ?? spec.Create;
                    if (command is null)
                    {
                        return new UpdateResult { Outputs = Keep(inputs, request.OldOutputs) };
                    }

                    var environment = WithPreviousOutput(spec, request.OldOutputs);
                    var operation = spec.Update is null ? "create (as update)" : "update";
                    var result = await RunAsync(type, name, operation, spec, command, environment, inputs, request.Progress, cancellationToken, request.OldOutputs).ConfigureAwait(false);
                    return new UpdateResult { Outputs = WithResult(inputs, result, type == LocalCommandType ? spec : null) };
                }

            case CopyToRemoteType:
                {
                    if (!request.Preview)
                    {
                        await CopyAsync(inputs, request.Progress, cancellationToken).ConfigureAwait(false);
                    }

                    return new UpdateResult { Outputs = inputs };
                }

            default:
                throw new InvalidOperationException($"The command provider has no resource type '{type}'.");
        }
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = ResourceUrn.TypeOf(request.Urn);
        if (type is not (LocalCommandType or RemoteCommandType))
        {
            // CopyToRemote never deletes remote files.
            return;
        }

        var state = PropertyMaps.Ordinal(request.Outputs.IsEmpty ? request.Inputs : request.Outputs);
        var spec = CommandSpec.From(state);
        if (spec.Delete is not { } delete)
        {
            return;
        }

        var environment = WithPreviousOutput(spec, state);
        await RunAsync(type, ResourceUrn.NameOf(request.Urn), "delete", spec, delete, environment, state, request.Progress, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Token != RunFunction)
        {
            return new InvokeResult { Failures = [new CheckFailure(string.Empty, $"unknown function '{request.Token}' in package 'command' (known: {RunFunction})")] };
        }

        var check = CommandChecker.CheckLocal(request.Args, requireCommand: true);
        if (!check.Failures.IsEmpty)
        {
            return new InvokeResult { Failures = check.Failures };
        }

        var args = check.Inputs;
        var spec = CommandSpec.From(args);
        var command = CommandValues.GetString(args, "command")!;
        var result = await RunAsync(LocalCommandType, RunFunction, "run", spec, command, spec.Environment, args, null, cancellationToken).ConfigureAwait(false);
        return new InvokeResult { Return = WithResult(args, result, spec) };
    }

    private static CheckFailure UnknownType(string type) =>
        new(string.Empty, $"unknown resource type '{type}' in package 'command' (known: {LocalCommandType}, {RemoteCommandType}, {CopyToRemoteType})");

    private static string NewHex() => RandomNumberGenerator.GetHexString(8, lowercase: true);

    private static PropertyDiffKind ToReplace(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => PropertyDiffKind.AddReplace,
        PropertyDiffKind.Delete => PropertyDiffKind.DeleteReplace,
        _ => PropertyDiffKind.UpdateReplace,
    };

    private static ImmutableSortedDictionary<string, PropertyValue> Plain(ImmutableSortedDictionary<string, PropertyValue> map) =>
        map.ToImmutableSortedDictionary(p => p.Key, p => p.Value.WithoutSecrets(), StringComparer.Ordinal);

    private static bool OutputsAreSecret(ImmutableSortedDictionary<string, PropertyValue> inputs) =>
        SecretSources.Any(key => inputs.TryGetValue(key, out var value) && value.ContainsSecrets);

    private static ImmutableSortedDictionary<string, PropertyValue> PredictOutputs(
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        bool runs,
        string type)
    {
        var secret = OutputsAreSecret(inputs);
        PropertyValue Wrap(PropertyValue value) => secret ? PropertyValue.CreateSecret(value) : value;
        var text = runs ? PropertyValue.Unknown : PropertyValue.Create(string.Empty);
        var outputs = inputs.SetItem(StdoutKey, Wrap(text)).SetItem(StderrKey, Wrap(text));
        if (type == LocalCommandType && runs)
        {
            if (inputs.ContainsKey("assetPaths"))
            {
                outputs = outputs.SetItem("assets", PropertyValue.CreateUnknown(UnknownKind.Object));
            }

            if (inputs.ContainsKey("archivePaths"))
            {
                outputs = outputs.SetItem("archive", PropertyValue.CreateUnknown(UnknownKind.Object));
            }
        }

        return outputs;
    }

    private static ImmutableSortedDictionary<string, PropertyValue> Keep(
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        ImmutableSortedDictionary<string, PropertyValue> oldOutputs)
    {
        var outputs = inputs;
        foreach (var key in new[] { StdoutKey, StderrKey, "assets", "archive" })
        {
            if (oldOutputs.TryGetValue(key, out var value))
            {
                outputs = outputs.SetItem(key, value);
            }
        }

        return outputs;
    }

    private static ImmutableSortedDictionary<string, PropertyValue> WithResult(
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        CommandRunResult result,
        CommandSpec? local)
    {
        var secret = OutputsAreSecret(inputs);
        PropertyValue Wrap(string value) => secret ? PropertyValue.CreateSecret(PropertyValue.Create(value)) : PropertyValue.Create(value);
        var outputs = inputs.SetItem(StdoutKey, Wrap(result.Stdout)).SetItem(StderrKey, Wrap(result.Stderr));
        if (local is not null)
        {
            var root = string.IsNullOrEmpty(local.Dir) ? Environment.CurrentDirectory : Path.GetFullPath(local.Dir);
            if (!local.AssetPaths.IsEmpty)
            {
                outputs = outputs.SetItem("assets", PropertyValue.CreateObject(
                    PathGlob.Match(root, local.AssetPaths).Select(p => KeyValuePair.Create(p, FileAsset(root, p)))));
            }

            if (!local.ArchivePaths.IsEmpty)
            {
                var members = PathGlob.Match(root, local.ArchivePaths)
                    .ToImmutableSortedDictionary(p => p, p => FileAsset(root, p), StringComparer.Ordinal);
                outputs = outputs.SetItem("archive", PropertyValue.CreateArchive(new ArchiveValue(Assets: members)));
            }
        }

        return outputs;
    }

    private static PropertyValue FileAsset(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        return PropertyValue.CreateAsset(new AssetValue(Path: full, Hash: Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)))));
    }

    private static ImmutableSortedDictionary<string, string> WithPreviousOutput(CommandSpec spec, IReadOnlyDictionary<string, PropertyValue> previous)
    {
        if (!spec.AddPreviousOutputInEnv)
        {
            return spec.Environment;
        }

        return spec.Environment
            .SetItem(StdoutVariable, CommandValues.GetString(previous, StdoutKey) ?? string.Empty)
            .SetItem(StderrVariable, CommandValues.GetString(previous, StderrKey) ?? string.Empty);
    }
}
