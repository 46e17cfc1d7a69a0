using Infra.Engine.Deployments.Events;

namespace Infra.Cli.Rendering;

/// <summary>The names used in JSON output (pulumi-formats.md §5.8).</summary>
internal static class JsonNames
{
    /// <summary>The <c>detailedDiff</c> kind of a change.</summary>
    public static string DiffKind(PropertyChangeKind kind) => kind switch
    {
        PropertyChangeKind.Add => "add",
        PropertyChangeKind.AddReplace => "add-replace",
        PropertyChangeKind.Delete => "delete",
        PropertyChangeKind.DeleteReplace => "delete-replace",
        PropertyChangeKind.UpdateReplace => "update-replace",
        _ => "update",
    };

    /// <summary>Nanoseconds, as Go durations are written.</summary>
    public static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;
}
