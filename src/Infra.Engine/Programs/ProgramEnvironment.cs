using System.Globalization;

namespace Infra.Engine.Programs;

/// <summary>The <c>PULUMI_*</c> environment a program is started with (pulumi-protocol.md §1.3).</summary>
internal sealed record ProgramEnvironment
{
    /// <summary>The ResourceMonitor endpoint, <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public required string MonitorAddress { get; init; }

    /// <summary>The Engine endpoint, <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public required string EngineAddress { get; init; }

    public required string Project { get; init; }

    public required string Stack { get; init; }

    public string Organization { get; init; } = "organization";

    /// <summary>The absolute folder holding <c>Pulumi.yaml</c>.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The program directory (also the working directory).</summary>
    public required string ProgramDirectory { get; init; }

    public required bool DryRun { get; init; }

    public required int Parallel { get; init; }

    /// <summary><c>PULUMI_CONFIG</c> and <c>PULUMI_CONFIG_SECRET_KEYS</c> (from <see cref="Projects.ProgramConfig.ToEnvironmentVariables"/>).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Further variables from the request; the <c>PULUMI_*</c> ones above win over them.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The variables, each only when non-empty (as the language host does).</summary>
    public IReadOnlyDictionary<string, string> ToVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Extra)
        {
            variables[name] = value;
        }

        Add(variables, "PULUMI_MONITOR", MonitorAddress);
        Add(variables, "PULUMI_ENGINE", EngineAddress);
        Add(variables, "PULUMI_PROJECT", Project);
        Add(variables, "PULUMI_STACK", Stack);
        Add(variables, "PULUMI_ORGANIZATION", Organization);
        Add(variables, "PULUMI_ROOT_DIRECTORY", RootDirectory);
        Add(variables, "PULUMI_PWD", ProgramDirectory);
        Add(variables, "PULUMI_DRY_RUN", DryRun ? "true" : "false");
        Add(variables, "PULUMI_QUERY_MODE", "false");
        Add(variables, "PULUMI_PARALLEL", Parallel.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in Config)
        {
            Add(variables, name, value);
        }

        return variables;
    }

    private static void Add(Dictionary<string, string> variables, string name, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            variables[name] = value;
        }
    }
}
