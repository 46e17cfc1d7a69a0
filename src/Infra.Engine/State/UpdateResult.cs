namespace Infra.Engine.State;

/// <summary>How a stack operation ended, as recorded in history (<c>result</c>).</summary>
internal enum UpdateResult
{
    /// <summary><c>succeeded</c>.</summary>
    Succeeded,

    /// <summary><c>failed</c>.</summary>
    Failed,

    /// <summary><c>in-progress</c>.</summary>
    InProgress,
}
