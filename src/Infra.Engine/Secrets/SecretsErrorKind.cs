namespace Infra.Engine.Secrets;

/// <summary>Why a <see cref="SecretsException"/> was thrown, so callers can branch (for example re-prompt).</summary>
internal enum SecretsErrorKind
{
    /// <summary>A <c>v1:</c> ciphertext string does not have the expected shape.</summary>
    MalformedCiphertext,

    /// <summary>A well-formed ciphertext failed authentication (tampered, or another key).</summary>
    DecryptionFailed,

    /// <summary>An <c>encryptionsalt</c> string does not have the expected shape.</summary>
    MalformedEncryptionSalt,

    /// <summary>The passphrase does not unlock the <c>encryptionsalt</c>.</summary>
    IncorrectPassphrase,

    /// <summary>No passphrase could be found in the environment, a file or a prompt.</summary>
    PassphraseUnavailable,
}
