using System.Security.Cryptography;
using System.Text;

namespace Infra.Engine.Secrets;

/// <summary>
/// Pulumi's passphrase secrets provider: a 32-byte key derived with PBKDF2-HMAC-SHA256
/// (1,000,000 iterations, 8-byte salt), and AES-256-GCM with a fresh 12-byte nonce and no
/// associated data for every value, written as <c>v1:&lt;b64 nonce&gt;:&lt;b64 ciphertext||tag&gt;</c>.
/// The key is derived once, when the crypter is created; encrypting and decrypting are then cheap.
/// </summary>
/// <remarks>
/// The provider's whole state is the <see cref="EncryptionSalt"/> string
/// (<c>v1:&lt;b64 salt&gt;:v1:&lt;b64 nonce&gt;:&lt;b64 ciphertext||tag&gt;</c>), where the last three parts
/// encrypt the text <c>pulumi</c>, so a wrong passphrase is detected before any value is touched.
/// </remarks>
internal sealed class PassphraseSecretsCrypter : ISecretsCrypter
{
    /// <summary>PBKDF2 iteration count used by Pulumi.</summary>
    public const int KeyDerivationIterations = 1_000_000;

    /// <summary>AES-256 key size in bytes.</summary>
    public const int KeySizeInBytes = 32;

    /// <summary>Size of the random PBKDF2 salt in bytes.</summary>
    public const int SaltSizeInBytes = 8;

    /// <summary>Size of the AES-GCM nonce in bytes.</summary>
    public const int NonceSizeInBytes = 12;

    /// <summary>Size of the AES-GCM authentication tag in bytes.</summary>
    public const int TagSizeInBytes = 16;

    /// <summary>The only ciphertext and state version Pulumi writes.</summary>
    public const string Version = "v1";

    /// <summary>The plaintext encrypted into <see cref="EncryptionSalt"/> to check a passphrase.</summary>
    public const string PassphraseCheckPlaintext = "pulumi";

    /// <summary>The message for a passphrase that does not unlock the stack (same wording as the Pulumi CLI).</summary>
    public const string IncorrectPassphraseMessage =
        "incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase or set "
        + "PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase";

    private const string CiphertextShape = "'v1:<base64 nonce>:<base64 ciphertext>'";
    private const string SaltShape = "'v1:<base64 salt>:v1:<base64 nonce>:<base64 ciphertext>'";

    private readonly byte[] _key;

    private PassphraseSecretsCrypter(byte[] key, string encryptionSalt)
    {
        _key = key;
        EncryptionSalt = encryptionSalt;
    }

    /// <summary>
    /// The provider state to store as <c>encryptionsalt</c> in the stack file and as
    /// <c>secrets_providers.state.salt</c> in the state file. It contains no secret.
    /// </summary>
    public string EncryptionSalt { get; }

    /// <summary>
    /// Creates a crypter for a new stack: draws a random salt, derives the key and builds a fresh
    /// <see cref="EncryptionSalt"/>. The passphrase may be empty.
    /// </summary>
    public static PassphraseSecretsCrypter CreateNew(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var salt = RandomNumberGenerator.GetBytes(SaltSizeInBytes);
        var key = DeriveKey(passphrase, salt);
        var check = EncryptWithKey(key, PassphraseCheckPlaintext, RandomNumberGenerator.GetBytes(NonceSizeInBytes));
        return new PassphraseSecretsCrypter(key, $"{Version}:{Convert.ToBase64String(salt)}:{check}");
    }

    /// <summary>
    /// Opens an existing stack: derives the key from <paramref name="passphrase"/> and the salt inside
    /// <paramref name="encryptionSalt"/>, and checks it against the stored check value.
    /// </summary>
    /// <exception cref="SecretsException">
    /// <see cref="SecretsErrorKind.MalformedEncryptionSalt"/> when the string has the wrong shape;
    /// <see cref="SecretsErrorKind.IncorrectPassphrase"/> when the passphrase is wrong.
    /// </exception>
    public static PassphraseSecretsCrypter FromEncryptionSalt(string passphrase, string encryptionSalt)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(encryptionSalt);
        var (salt, check) = ParseEncryptionSalt(encryptionSalt);
        var key = DeriveKey(passphrase, salt);
        string decrypted;
        try
        {
            decrypted = DecryptWithKey(key, check);
        }
        catch (SecretsException exception) when (exception.Kind == SecretsErrorKind.DecryptionFailed)
        {
            throw new SecretsException(SecretsErrorKind.IncorrectPassphrase, IncorrectPassphraseMessage);
        }

        if (!string.Equals(decrypted, PassphraseCheckPlaintext, StringComparison.Ordinal))
        {
            throw new SecretsException(SecretsErrorKind.IncorrectPassphrase, IncorrectPassphraseMessage);
        }

        return new PassphraseSecretsCrypter(key, encryptionSalt);
    }

    /// <summary>Builds a crypter from an already derived key (tests and key caches).</summary>
    internal static PassphraseSecretsCrypter FromKey(ReadOnlySpan<byte> key, string encryptionSalt)
    {
        if (key.Length != KeySizeInBytes)
        {
            throw new ArgumentException(
                $"key: must be {KeySizeInBytes} bytes (was {key.Length} bytes)", nameof(key));
        }

        return new PassphraseSecretsCrypter(key.ToArray(), encryptionSalt);
    }

    /// <summary>PBKDF2-HMAC-SHA256 over the UTF-8 passphrase, 1,000,000 iterations, 32 bytes.</summary>
    internal static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt) =>
        Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(passphrase),
            salt,
            KeyDerivationIterations,
            HashAlgorithmName.SHA256,
            KeySizeInBytes);

    /// <summary>
    /// Splits an <c>encryptionsalt</c> string into the raw salt and the check ciphertext, without
    /// deriving any key.
    /// </summary>
    /// <exception cref="SecretsException">The string has the wrong shape.</exception>
    internal static (byte[] Salt, string CheckCiphertext) ParseEncryptionSalt(string encryptionSalt)
    {
        var parts = encryptionSalt.Split(':', 3);
        if (parts.Length != 3)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedEncryptionSalt,
                $"encryptionsalt is malformed: expected {SaltShape} but found {parts.Length} colon-separated part(s)");
        }

        if (parts[0] != Version)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedEncryptionSalt,
                $"encryptionsalt has an unknown state version (expected '{Version}:' at the start)");
        }

        var salt = new byte[(parts[1].Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(parts[1], salt, out var saltLength) || saltLength == 0)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedEncryptionSalt,
                "encryptionsalt is malformed: the salt is not valid base64");
        }

        try
        {
            _ = ParseCiphertext(parts[2]);
        }
        catch (SecretsException exception) when (exception.Kind == SecretsErrorKind.MalformedCiphertext)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedEncryptionSalt,
                $"encryptionsalt is malformed: the check value is not a valid ciphertext ({exception.Message})",
                exception);
        }

        return (salt[..saltLength], parts[2]);
    }

    /// <inheritdoc />
    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return EncryptWithKey(_key, plaintext, RandomNumberGenerator.GetBytes(NonceSizeInBytes));
    }

    /// <summary>Encrypts with a caller-chosen nonce. Only for deterministic tests: never reuse a nonce.</summary>
    internal string Encrypt(string plaintext, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return EncryptWithKey(_key, plaintext, nonce);
    }

    /// <inheritdoc />
    /// <exception cref="SecretsException">
    /// <see cref="SecretsErrorKind.MalformedCiphertext"/> for a string of the wrong shape;
    /// <see cref="SecretsErrorKind.DecryptionFailed"/> when authentication fails.
    /// </exception>
    public string Decrypt(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        return DecryptWithKey(_key, ciphertext);
    }

    /// <summary>Describes the crypter without any key material.</summary>
    public override string ToString() => "passphrase secrets crypter (v1, AES-256-GCM)";

    private static string EncryptWithKey(byte[] key, string plaintext, ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSizeInBytes)
        {
            throw new ArgumentException(
                $"nonce: must be {NonceSizeInBytes} bytes (was {nonce.Length} bytes)", nameof(nonce));
        }

        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[data.Length + TagSizeInBytes];
        using (var aes = new AesGcm(key, TagSizeInBytes))
        {
            aes.Encrypt(nonce, data, sealedBytes.AsSpan(0, data.Length), sealedBytes.AsSpan(data.Length));
        }

        CryptographicOperations.ZeroMemory(data);
        return $"{Version}:{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(sealedBytes)}";
    }

    private static string DecryptWithKey(byte[] key, string ciphertext)
    {
        var (nonce, sealedBytes) = ParseCiphertext(ciphertext);
        var dataLength = sealedBytes.Length - TagSizeInBytes;
        var plaintext = new byte[dataLength];
        try
        {
            using var aes = new AesGcm(key, TagSizeInBytes);
            aes.Decrypt(nonce, sealedBytes.AsSpan(0, dataLength), sealedBytes.AsSpan(dataLength), plaintext);
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new SecretsException(
                SecretsErrorKind.DecryptionFailed,
                "failed to decrypt: the ciphertext does not match this stack's key "
                + "(it was changed, or it was encrypted with a different passphrase)",
                exception);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(plaintext);
        }
        catch (DecoderFallbackException exception)
        {
            throw new SecretsException(
                SecretsErrorKind.DecryptionFailed, "failed to decrypt: the plaintext is not valid UTF-8", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static (byte[] Nonce, byte[] SealedBytes) ParseCiphertext(string ciphertext)
    {
        var parts = ciphertext.Split(':');
        if (parts.Length != 3)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedCiphertext,
                $"ciphertext is malformed: expected {CiphertextShape} but found {parts.Length} colon-separated part(s)");
        }

        if (parts[0] != Version)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedCiphertext,
                $"ciphertext has an unknown value version (expected '{Version}:' at the start)");
        }

        var nonce = DecodeBase64(parts[1], "nonce");
        if (nonce.Length != NonceSizeInBytes)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedCiphertext,
                $"ciphertext is malformed: the nonce must be {NonceSizeInBytes} bytes (was {nonce.Length} bytes)");
        }

        var sealedBytes = DecodeBase64(parts[2], "ciphertext");
        if (sealedBytes.Length < TagSizeInBytes)
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedCiphertext,
                $"ciphertext is malformed: it must hold at least the {TagSizeInBytes}-byte tag (was {sealedBytes.Length} bytes)");
        }

        return (nonce, sealedBytes);
    }

    private static byte[] DecodeBase64(string text, string part)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            throw new SecretsException(
                SecretsErrorKind.MalformedCiphertext, $"ciphertext is malformed: the {part} is not valid base64");
        }

        return buffer[..written];
    }
}
