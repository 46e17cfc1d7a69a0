namespace Infra;

/// <summary>Arguments of a provider function (invoke). Mark each property with <see cref="InputAttribute"/>.</summary>
public abstract class InvokeArgs : InputArgs
{
    /// <summary>An args bag with no properties.</summary>
    public static readonly InvokeArgs Empty = new EmptyInvokeArgs();

    private sealed class EmptyInvokeArgs : InvokeArgs;
}
