using Infra.Engine.Deployments;

namespace Infra.Cli.Rendering;

/// <summary>How a run is rendered.</summary>
internal sealed record RenderOptions
{
    /// <summary>Show secret values in plaintext (<c>--show-secrets</c>).</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Print property-level differences per resource (<c>--diff</c>).</summary>
    public bool ShowDiff { get; init; }

    /// <summary>What a preview previews (its banner): an update, or a destroy.</summary>
    public OperationKind PreviewOf { get; init; } = OperationKind.Update;
}
