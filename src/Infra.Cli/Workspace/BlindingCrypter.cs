using Infra.Engine.Secrets;

namespace Infra.Cli.Workspace;

/// <summary>
/// Reads state without the passphrase (<c>stack output</c>, <c>stack ls</c>, <c>graph</c> without
/// <c>--show-secrets</c>): every secret decrypts to the string <c>[secret]</c>. It cannot encrypt.
/// </summary>
internal sealed class BlindingCrypter : ISecretsCrypter
{
    public static BlindingCrypter Instance { get; } = new();

    public string Encrypt(string plaintext) =>
        throw new InvalidOperationException("a blinding crypter cannot encrypt; open the stack's secrets provider instead");

    public string Decrypt(string ciphertext) => "\"[secret]\"";

    public override string ToString() => "blinding crypter";
}
