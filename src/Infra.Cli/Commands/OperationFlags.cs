using System.Collections.Immutable;
using Infra.Engine.Deployments;

namespace Infra.Cli.Commands;

/// <summary>The flags of preview/up/destroy/refresh.</summary>
internal sealed record OperationFlags
{
    public required OperationKind Kind { get; init; }

    public bool Yes { get; init; }

    public bool SkipPreview { get; init; }

    public bool Diff { get; init; }

    public bool Json { get; init; }

    public int Parallel { get; init; } = 1;

    public ImmutableArray<string> Targets { get; init; } = [];

    public bool RefreshFirst { get; init; }

    public bool ShowSecrets { get; init; }
}
