namespace Infra.Engine.State;

/// <summary>The kind of a stack operation, as recorded in history (<c>kind</c>).</summary>
internal enum UpdateKind
{
    /// <summary><c>update</c> (<c>up</c>).</summary>
    Update,

    /// <summary><c>preview</c>: never locks, writes nothing and is never recorded.</summary>
    Preview,

    /// <summary><c>refresh</c>.</summary>
    Refresh,

    /// <summary><c>rename</c>.</summary>
    Rename,

    /// <summary><c>destroy</c>.</summary>
    Destroy,

    /// <summary><c>import</c> (stack import).</summary>
    Import,

    /// <summary><c>resource-import</c>.</summary>
    ResourceImport,
}
