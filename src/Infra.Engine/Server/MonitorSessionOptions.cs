using System.Collections.Immutable;
using Infra.Engine.Deployments;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Protocol.Values;

namespace Infra.Engine.Server;

/// <summary>What a <see cref="MonitorSession"/> serves: the run's identity, its planner, executor and providers.</summary>
internal sealed record MonitorSessionOptions
{
    public required string Project { get; init; }

    public required string Stack { get; init; }

    public string Organization { get; init; } = "organization";

    /// <summary>True in preview: nothing is mutated and unknowns come back as sentinels.</summary>
    public required bool Preview { get; init; }

    public required int Parallel { get; init; }

    /// <summary>The program config as the program sees it (full key to text; secrets decrypted).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The keys of <see cref="Config"/> that are secret.</summary>
    public IReadOnlyList<string> ConfigSecretKeys { get; init; } = [];

    public required Planner Planner { get; init; }

    public required StepExecutor Executor { get; init; }

    public required ProviderRegistry Registry { get; init; }

    /// <summary>Saves component outputs and reports step events.</summary>
    public required StepRecorder Recorder { get; init; }

    public required EventSink Events { get; init; }

    /// <summary>The stack config as provider inputs (secret keys wrapped), used to configure default providers.</summary>
    public ImmutableSortedDictionary<string, PropertyValue> ConfigValues => WireValues.ConfigValues(Config, ConfigSecretKeys);
}
