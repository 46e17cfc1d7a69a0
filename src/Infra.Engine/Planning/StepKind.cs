namespace Infra.Engine.Planning;

/// <summary>What a step does.</summary>
internal enum StepKind
{
    /// <summary>Nothing changes; the recorded state is carried over.</summary>
    Same,

    /// <summary>A new resource is created.</summary>
    Create,

    /// <summary>A resource is updated in place.</summary>
    Update,

    /// <summary>A resource is replaced: create-before-delete, or delete-before-replace.</summary>
    Replace,

    /// <summary>A resource is deleted (or only forgotten, when retained or deleted with another).</summary>
    Delete,

    /// <summary>An external resource is read by ID (<c>Resource.Get</c>).</summary>
    Read,

    /// <summary>An existing resource is adopted by ID.</summary>
    Import,

    /// <summary>A resource's live state is read and recorded (refresh).</summary>
    Refresh,
}
