namespace Infra.Conformance.Tests.Fakes;

/// <summary>How the strict engine behaves: deployment context, CLI generation and injected answers.</summary>
public sealed class StrictEngineOptions
{
    /// <summary>The project name (<c>PULUMI_PROJECT</c>).</summary>
    /// <value>The default is <c>proj</c>.</value>
    public string Project { get; init; } = "proj";

    /// <summary>The stack name (<c>PULUMI_STACK</c>).</summary>
    /// <value>The default is <c>dev</c>.</value>
    public string Stack { get; init; } = "dev";

    /// <summary>The organization name (<c>PULUMI_ORGANIZATION</c>).</summary>
    /// <value>The default is <c>organization</c>.</value>
    public string Organization { get; init; } = "organization";

    /// <summary>Whether this run is a preview (<c>PULUMI_DRY_RUN=true</c>) rather than an update.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IsPreview { get; init; } = true;

    /// <summary>The requested parallelism (<c>PULUMI_PARALLEL</c>).</summary>
    /// <value>The default is 16.</value>
    public int Parallel { get; init; } = 16;

    /// <summary>The program directory (<c>PULUMI_PWD</c> and <c>PULUMI_ROOT_DIRECTORY</c>); left out when null.</summary>
    public string? ProgramDirectory { get; init; }

    /// <summary>Config values by full key (<c>ns:key</c>), plaintext (<c>PULUMI_CONFIG</c>).</summary>
    public IDictionary<string, string> Config { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The config keys whose values are secret (<c>PULUMI_CONFIG_SECRET_KEYS</c>).</summary>
    public ICollection<string> ConfigSecretKeys { get; init; } = [];

    /// <summary>Which CLI generation to imitate.</summary>
    /// <value>The default is <see cref="CliGeneration.Current"/>.</value>
    public CliGeneration Cli { get; init; } = CliGeneration.Current;

    /// <summary>The <c>SupportsFeature</c> table; null means the table of <see cref="Cli"/> (see <see cref="FeatureTables"/>).</summary>
    public IReadOnlyDictionary<string, bool>? Features { get; init; }

    /// <summary>Output hooks by type token; types without one echo their inputs.</summary>
    public IDictionary<string, OutputHook> OutputHooks { get; init; } = new Dictionary<string, OutputHook>(StringComparer.Ordinal);

    /// <summary>Injected registration failures by type token.</summary>
    public IDictionary<string, RegistrationFailure> Failures { get; init; } = new Dictionary<string, RegistrationFailure>(StringComparer.Ordinal);

    /// <summary>An artificial delay before answering a registration, by type token (measured with <see cref="TimeProvider"/>).</summary>
    public IDictionary<string, TimeSpan> RegistrationDelays { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Invoke handlers by function token; an invoke of another token fails with <c>UNIMPLEMENTED</c>.</summary>
    public IDictionary<string, InvokeHandler> InvokeHandlers { get; init; } = new Dictionary<string, InvokeHandler>(StringComparer.Ordinal);

    /// <summary>Read handlers by type token; a read of another type fails with <c>NOT_FOUND</c>.</summary>
    public IDictionary<string, ReadHandler> ReadHandlers { get; init; } = new Dictionary<string, ReadHandler>(StringComparer.Ordinal);

    /// <summary>The clock for <see cref="RegistrationDelays"/>.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The root stack name the program must register: <c>&lt;project&gt;-&lt;stack&gt;</c>.</summary>
    public string StackResourceName => $"{Project}-{Stack}";

    /// <summary>The URN of the root stack.</summary>
    public string StackUrn => UrnRules.Create(Stack, Project, Infra.Protocol.WireConstants.StackType, StackResourceName);

    /// <summary>The effective <c>SupportsFeature</c> table.</summary>
    public IReadOnlyDictionary<string, bool> EffectiveFeatures => Features ?? FeatureTables.For(Cli);

    /// <summary>Options imitating an old CLI (see <see cref="CliGeneration.OldCli"/>).</summary>
    /// <param name="isPreview">Whether the run is a preview.</param>
    public static StrictEngineOptions OldCliPreset(bool isPreview = true) => new() { Cli = CliGeneration.OldCli, IsPreview = isPreview };
}
