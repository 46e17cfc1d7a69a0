namespace Infra.Engine.Providers;

/// <summary>Whether a diff found changes.</summary>
internal enum DiffChanges
{
    /// <summary>The provider does not know; the engine compares the inputs itself.</summary>
    Unknown,

    /// <summary>Nothing changes.</summary>
    None,

    /// <summary>Something changes (an update, or a replacement when replace keys are given).</summary>
    Some,
}
