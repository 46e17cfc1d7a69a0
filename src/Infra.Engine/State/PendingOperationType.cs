namespace Infra.Engine.State;

/// <summary>What a pending (started but unfinished) resource operation was doing.</summary>
internal enum PendingOperationType
{
    /// <summary><c>creating</c>.</summary>
    Creating,

    /// <summary><c>updating</c>.</summary>
    Updating,

    /// <summary><c>deleting</c>.</summary>
    Deleting,

    /// <summary><c>reading</c>.</summary>
    Reading,

    /// <summary><c>importing</c>.</summary>
    Importing,
}
