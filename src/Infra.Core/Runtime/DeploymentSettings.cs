using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Infra.Runtime;

/// <summary>What the engine tells the program through the <c>PULUMI_*</c> environment (pulumi-protocol.md §1.3).</summary>
internal sealed record DeploymentSettings
{
    private static readonly string[] RequiredVariables = ["PULUMI_MONITOR", "PULUMI_ENGINE", "PULUMI_PROJECT", "PULUMI_STACK"];

    public required string MonitorAddress { get; init; }

    public required string EngineAddress { get; init; }

    public required string Project { get; init; }

    public required string Stack { get; init; }

    public string Organization { get; init; } = "organization";

    public bool IsDryRun { get; init; }

    public int Parallel { get; init; }

    public string? RootDirectory { get; init; }

    public ImmutableDictionary<string, string> Config { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableHashSet<string> SecretKeys { get; init; } = [];

    /// <summary>
    /// Reads the settings; returns null and the reason when the program was not started by an engine
    /// or the environment is malformed.
    /// </summary>
    public static DeploymentSettings? FromEnvironment(Func<string, string?> getVariable, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var missing = RequiredVariables
            .Where(name => string.IsNullOrEmpty(getVariable(name)))
            .ToList();
        if (missing.Count > 0)
        {
            problem = $"missing {string.Join(", ", missing)}";
            return null;
        }

        var problems = new List<string>();
        var dryRun = ParseBool("PULUMI_DRY_RUN", getVariable("PULUMI_DRY_RUN"), problems) ?? false;
        ParseBool("PULUMI_QUERY_MODE", getVariable("PULUMI_QUERY_MODE"), problems);
        var parallelText = getVariable("PULUMI_PARALLEL");
        var parallel = 0;
        if (!string.IsNullOrEmpty(parallelText) && !int.TryParse(parallelText, NumberStyles.Integer, CultureInfo.InvariantCulture, out parallel))
        {
            problems.Add($"PULUMI_PARALLEL must be an integer (was '{parallelText}')");
        }

        var config = ImmutableDictionary<string, string>.Empty;
        var configText = getVariable("PULUMI_CONFIG");
        if (!string.IsNullOrEmpty(configText))
        {
            try
            {
                config = NormalizeConfig(JsonSerializer.Deserialize<Dictionary<string, string>>(configText) ?? []);
            }
            catch (JsonException e)
            {
                problems.Add($"PULUMI_CONFIG must be a JSON object of strings ({e.Message})");
            }
        }

        var secretKeys = ImmutableHashSet<string>.Empty;
        var secretText = getVariable("PULUMI_CONFIG_SECRET_KEYS");
        if (!string.IsNullOrEmpty(secretText))
        {
            try
            {
                secretKeys = (JsonSerializer.Deserialize<string[]>(secretText) ?? []).Select(NormalizeKey).ToImmutableHashSet();
            }
            catch (JsonException e)
            {
                problems.Add($"PULUMI_CONFIG_SECRET_KEYS must be a JSON array of strings ({e.Message})");
            }
        }

        if (problems.Count > 0)
        {
            problem = string.Join("; ", problems);
            return null;
        }

        problem = null;
        var organization = getVariable("PULUMI_ORGANIZATION");
        return new DeploymentSettings
        {
            MonitorAddress = getVariable("PULUMI_MONITOR")!,
            EngineAddress = getVariable("PULUMI_ENGINE")!,
            Project = getVariable("PULUMI_PROJECT")!,
            Stack = getVariable("PULUMI_STACK")!,
            Organization = string.IsNullOrEmpty(organization) ? "organization" : organization,
            IsDryRun = dryRun,
            Parallel = parallel,
            RootDirectory = getVariable("PULUMI_ROOT_DIRECTORY"),
            Config = config,
            SecretKeys = secretKeys,
        };
    }

    /// <summary>Normalizes the legacy <c>ns:config:key</c> form to <c>ns:key</c>.</summary>
    internal static string NormalizeKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
    }

    private static ImmutableDictionary<string, string> NormalizeConfig(Dictionary<string, string> raw) =>
        raw.ToImmutableDictionary(p => NormalizeKey(p.Key), p => p.Value);

    private static bool? ParseBool(string name, string? text, List<string> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{name} must be 'true' or 'false' (was '{text}')");
        return null;
    }
}
