namespace Infra.Engine.Secrets;

/// <summary>
/// A secrets operation failed. Messages describe the problem and never contain a plaintext,
/// a passphrase or a derived key.
/// </summary>
internal sealed class SecretsException : Exception
{
    public SecretsException()
        : this(SecretsErrorKind.DecryptionFailed, "A secrets operation failed.")
    {
    }

    public SecretsException(string? message)
        : this(SecretsErrorKind.DecryptionFailed, message)
    {
    }

    public SecretsException(string? message, Exception? innerException)
        : this(SecretsErrorKind.DecryptionFailed, message, innerException)
    {
    }

    public SecretsException(SecretsErrorKind kind, string? message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What went wrong.</summary>
    public SecretsErrorKind Kind { get; }
}
