using System.Collections.Immutable;
using Infra.Engine.Projects;
using Infra.Engine.Providers;
using Infra.Engine.Secrets;
using Infra.Engine.State;

namespace Infra.Engine.Deployments;

/// <summary>Everything one engine run needs. Built by the CLI, consumed by <see cref="IDeploymentEngine"/>.</summary>
internal sealed record OperationRequest
{
    public required OperationKind Kind { get; init; }

    public required ProjectFile Project { get; init; }

    public required StackReference Stack { get; init; }

    public required LocalBackend Backend { get; init; }

    /// <summary>The stack's settings file (config), already loaded.</summary>
    public required StackSettingsFile StackSettings { get; init; }

    /// <summary>Decrypts config and state secrets; null when the stack has no secrets.</summary>
    public ISecretsCrypter? Crypter { get; init; }

    /// <summary>Built-in providers by package; the engine adds the <c>pulumi</c> provider itself.</summary>
    public required IReadOnlyDictionary<string, ProviderFactory> BuiltInProviders { get; init; }

    /// <summary>Bound on concurrent steps. The default is 4 × processor count.</summary>
    public int Parallel { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// <c>--target</c>: URNs to limit the operation to; empty = everything. Update/preview change only the targets
    /// (others are kept as they are; new ones are not created) and delete only targets the program no longer
    /// declares; destroy deletes the targets and everything that depends on them; refresh reads only the targets.
    /// </summary>
    public ImmutableArray<string> Targets { get; init; } = [];

    /// <summary>Refresh state from providers before planning (<c>--refresh</c>).</summary>
    public bool RefreshFirst { get; init; }

    /// <summary>Environment variables added to the program's environment (besides the <c>PULUMI_*</c> ones).</summary>
    public IReadOnlyDictionary<string, string> ProgramEnvironment { get; init; } = ImmutableDictionary<string, string>.Empty;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
