namespace Infra.Engine.State;

/// <summary>The deployment's <c>metadata</c> object (always written, usually <c>{}</c>).</summary>
internal sealed record SnapshotMetadata
{
    public static SnapshotMetadata Empty { get; } = new();

    public IntegrityErrorMetadata? IntegrityError { get; init; }
}
