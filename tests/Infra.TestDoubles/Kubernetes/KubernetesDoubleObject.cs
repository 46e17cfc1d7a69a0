using System.Text.Json.Nodes;

namespace Infra.TestDoubles.Kubernetes;

/// <summary>One object stored by the double, with its field ownership and simulation counters.</summary>
public sealed class KubernetesDoubleObject
{
    internal KubernetesDoubleObject(KubernetesDoubleResourceType type, JsonObject body)
    {
        Type = type;
        Body = body;
    }

    /// <summary>The type of the object.</summary>
    public KubernetesDoubleResourceType Type { get; }

    /// <summary>The stored object (without managedFields).</summary>
    public JsonObject Body { get; internal set; }

    /// <summary>Field manager to (operation, owned paths).</summary>
    public Dictionary<string, (string Operation, HashSet<string> Paths)> Managers { get; } = new(StringComparer.Ordinal);

    /// <summary>GETs since the last spec change (drives the status simulation).</summary>
    public int Polls { get; internal set; }

    /// <summary>GETs left before a foreground deletion completes; null when not being deleted.</summary>
    public int? DeletionPollsLeft { get; internal set; }
}
