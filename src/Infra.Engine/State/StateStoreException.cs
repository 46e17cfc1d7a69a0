namespace Infra.Engine.State;

/// <summary>A state store operation that cannot be done: missing or existing stack, stack with resources, unsupported layout.</summary>
internal sealed class StateStoreException : Exception
{
    public StateStoreException()
    {
    }

    public StateStoreException(string? message)
        : base(message)
    {
    }

    public StateStoreException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
