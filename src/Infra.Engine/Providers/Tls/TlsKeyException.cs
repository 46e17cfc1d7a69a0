namespace Infra.Engine.Providers.Tls;

/// <summary>A private or public key that cannot be used. Messages describe the problem and never contain key material.</summary>
internal sealed class TlsKeyException : Exception
{
    public TlsKeyException()
    {
    }

    public TlsKeyException(string? message)
        : base(message)
    {
    }

    public TlsKeyException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
