using Infra.Engine.Deployments;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Command;
using Infra.Engine.Providers.Kubernetes;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Engine.Providers.Test;
using Infra.Engine.Providers.Tls;
using Infra.Engine.Secrets;
using Spectre.Console;

namespace Infra.Cli.Hosting;

/// <summary>
/// The composition root of the <c>infra</c> command: its streams, environment, terminal, engine and
/// built-in providers. <see cref="CreateDefault"/> wires the real process; tests build one with string
/// writers, an injected environment, a fake terminal and a fake engine.
/// </summary>
internal sealed class CliServices
{
    /// <summary>Standard output (rendering, command results).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error (error messages).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard input (an imported deployment, a config value piped in).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>The environment variables the command sees (PULUMI_CONFIG_PASSPHRASE, PULUMI_BACKEND_URL, CI, ...).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The directory the command runs in (before <c>--cwd</c>).</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The terminal, or null when input or output is redirected (no prompts, no live table).</summary>
    public ITerminal? Terminal { get; init; }

    /// <summary>Creates the deployment engine for preview/up/destroy/refresh.</summary>
    public Func<IDeploymentEngine> EngineFactory { get; init; } = () => new DeploymentEngine();

    /// <summary>Creates the built-in providers by package, once per run.</summary>
    public Func<IReadOnlyDictionary<string, ProviderFactory>> BuiltInProviders { get; init; } = CreateBuiltInProviders;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Processor count, for the <c>--parallel</c> default (4 × cores).</summary>
    public int ProcessorCount { get; init; } = System.Environment.ProcessorCount;


    /// <summary>The services of the real process.</summary>
    public static CliServices CreateDefault()
    {
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        return new CliServices
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.In,
            Environment = PassphraseSource.ProcessEnvironment(),
            WorkingDirectory = Directory.GetCurrentDirectory(),
            Terminal = interactive ? new SpectreTerminal(AnsiConsole.Console) : null,
        };
    }

    /// <summary>
    /// The providers built into the engine: <c>tls</c> 5.x, <c>command</c> 1.x, <c>kubernetes</c> 4.x,
    /// <c>proxmoxve</c> 8.x, and the <c>test</c> package the engine's own tests and samples use.
    /// </summary>
    public static IReadOnlyDictionary<string, ProviderFactory> CreateBuiltInProviders()
    {
        var clock = TimeProvider.System;
        return new Dictionary<string, ProviderFactory>(StringComparer.Ordinal)
        {
            [TlsProvider.PackageName] = new TlsProvider(clock).Factory,
            [CommandProvider.PackageName] = new CommandProvider(clock).Factory,
            [KubernetesProvider.PackageName] = new KubernetesProvider(clock).Factory,
            [ProxmoxVEProvider.PackageName] = new ProxmoxVEProvider(clock).Factory,
            [TestProvider.PackageName] = new TestProvider(clock).Factory,
        };
    }
}
