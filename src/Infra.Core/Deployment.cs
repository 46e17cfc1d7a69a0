using Infra.Runtime;

namespace Infra;

/// <summary>
/// The running deployment: which project and stack, preview or update, and the entry points
/// <see cref="RunAsync{TStack}"/> and friends. Resources find it through an ambient, async-local context.
/// </summary>
public sealed partial class Deployment
{
    private static readonly AsyncLocal<Deployment?> Ambient = new();

    private Deployment(DeploymentSettings settings, IMonitor monitor, IEngine engine, TextWriter stderr)
    {
        Settings = settings;
        Monitor = monitor;
        Engine = engine;
        Runner = new Runner();
        Logger = new EngineLogger(engine, stderr);
        Features = new FeatureSupport(monitor);
        Registrar = new Registrar(this);
        Config = new ConfigSource(settings.Config, settings.SecretKeys);
    }

    /// <summary>The running deployment.</summary>
    /// <exception cref="InvalidOperationException">No deployment is running.</exception>
    public static Deployment Instance => Current;

    /// <summary>The project name.</summary>
    public string ProjectName => Settings.Project;

    /// <summary>The stack name (e.g. <c>dev</c>).</summary>
    public string StackName => Settings.Stack;

    /// <summary>The organization name (<c>organization</c> for local backends).</summary>
    public string OrganizationName => Settings.Organization;

    /// <summary>True during preview: values the engine cannot know yet are unknown and Apply callbacks do not run on them.</summary>
    public bool IsDryRun => Settings.IsDryRun;

    internal static Deployment Current => Ambient.Value
        ?? throw new InvalidOperationException(
            "No deployment is running: create resources inside Deployment.RunAsync (or Deployment.TestAsync in tests).");

    internal DeploymentSettings Settings { get; }

    internal IMonitor Monitor { get; }

    internal IEngine Engine { get; }

    internal Runner Runner { get; }

    internal EngineLogger Logger { get; }

    internal FeatureSupport Features { get; }

    internal Registrar Registrar { get; }

    internal ConfigSource Config { get; }

    internal Stack? Stack { get; set; }

    internal string StackResourceName => $"{ProjectName}-{StackName}";

    internal static Deployment Enter(DeploymentSettings settings, IMonitor monitor, IEngine engine, TextWriter stderr)
    {
        var deployment = new Deployment(settings, monitor, engine, stderr);
        Ambient.Value = deployment;
        return deployment;
    }
}
