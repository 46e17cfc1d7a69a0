namespace Infra;

/// <summary>Arguments of a <see cref="StackReference"/>.</summary>
public sealed class StackReferenceArgs : ResourceArgs
{
    /// <summary>The stack to read, e.g. <c>organization/network/prod</c> or just <c>prod</c>.</summary>
    [Input("name")]
    public required Input<string> Name { get; init; }
}
