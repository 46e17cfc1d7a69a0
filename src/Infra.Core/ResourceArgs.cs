namespace Infra;

/// <summary>
/// Inputs of a resource or component: what it <em>is</em>. Derive a sealed class and mark each
/// property with <see cref="InputAttribute"/>; mandatory properties are C# <c>required</c>.
/// </summary>
public abstract class ResourceArgs : InputArgs
{
    /// <summary>An args bag with no properties.</summary>
    public static readonly ResourceArgs Empty = new EmptyResourceArgs();

    private sealed class EmptyResourceArgs : ResourceArgs;
}
