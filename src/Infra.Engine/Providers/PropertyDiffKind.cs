namespace Infra.Engine.Providers;

/// <summary>How one property changes.</summary>
internal enum PropertyDiffKind
{
    Add,
    AddReplace,
    Delete,
    DeleteReplace,
    Update,
    UpdateReplace,
}
