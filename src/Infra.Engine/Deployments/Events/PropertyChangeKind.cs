namespace Infra.Engine.Deployments.Events;

/// <summary>How a property changed.</summary>
internal enum PropertyChangeKind
{
    Add,
    Update,
    Delete,
    AddReplace,
    UpdateReplace,
    DeleteReplace,
}
