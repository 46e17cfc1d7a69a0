namespace Infra.Engine.Secrets;

/// <summary>
/// Encrypts and decrypts secret values for config files and state, in the text form Pulumi writes
/// (<c>v1:&lt;b64 nonce&gt;:&lt;b64 ciphertext||tag&gt;</c> for the passphrase provider).
/// Implementations never put plaintext into exception messages.
/// </summary>
internal interface ISecretsCrypter
{
    /// <summary>Encrypts UTF-8 <paramref name="plaintext"/>.</summary>
    string Encrypt(string plaintext);

    /// <summary>Decrypts a ciphertext produced by <see cref="Encrypt"/> (or by the Pulumi CLI).</summary>
    string Decrypt(string ciphertext);
}
