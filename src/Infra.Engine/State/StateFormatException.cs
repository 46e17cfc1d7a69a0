namespace Infra.Engine.State;

/// <summary>A state file (or exported deployment) that cannot be read: malformed JSON, unsupported version or feature, bad values.</summary>
internal sealed class StateFormatException : Exception
{
    public StateFormatException()
    {
    }

    public StateFormatException(string? message)
        : base(message)
    {
    }

    public StateFormatException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
