namespace Infra.Engine.State;

/// <summary>
/// An entry of <c>pending_operations</c>: a provider call that had started on <see cref="Resource"/> and
/// had not finished when the state was last written. Found on load, it means the engine was interrupted.
/// </summary>
internal sealed record PendingOperation(ResourceState Resource, PendingOperationType Type)
{
    /// <summary>The JSON name of <see cref="Type"/> (<c>creating</c>, <c>updating</c>, ...).</summary>
    public string TypeName => ToJsonName(Type);

    /// <summary>The line the engine prints for it: <c>&lt;urn&gt;, interrupted while creating</c>.</summary>
    public string Describe() => $"{Resource.Urn}, interrupted while {TypeName}";

    internal static string ToJsonName(PendingOperationType type) => type switch
    {
        PendingOperationType.Creating => "creating",
        PendingOperationType.Updating => "updating",
        PendingOperationType.Deleting => "deleting",
        PendingOperationType.Reading => "reading",
        PendingOperationType.Importing => "importing",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pending operation type."),
    };

    internal static PendingOperationType? FromJsonName(string name) => name switch
    {
        "creating" => PendingOperationType.Creating,
        "updating" => PendingOperationType.Updating,
        "deleting" => PendingOperationType.Deleting,
        "reading" => PendingOperationType.Reading,
        "importing" => PendingOperationType.Importing,
        _ => null,
    };
}
