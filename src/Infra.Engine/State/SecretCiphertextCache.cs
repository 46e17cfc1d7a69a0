using System.Runtime.CompilerServices;
using Infra.Engine.Secrets;
using Infra.Protocol.Values;

namespace Infra.Engine.State;

/// <summary>
/// Remembers the ciphertext of each secret value instance per crypter, so an unchanged secret keeps
/// the same ciphertext from save to save (no needless diffs, no re-encryption cost). Values are held
/// weakly; only ciphertexts are stored, never plaintext.
/// </summary>
internal static class SecretCiphertextCache
{
    private static readonly ConditionalWeakTable<ISecretsCrypter, ConditionalWeakTable<PropertyValue, string>> Tables = new();

    public static bool TryGet(ISecretsCrypter crypter, PropertyValue secret, out string? ciphertext)
    {
        ciphertext = null;
        return Tables.TryGetValue(crypter, out var table) && table.TryGetValue(secret, out ciphertext);
    }

    public static void Remember(ISecretsCrypter crypter, PropertyValue secret, string ciphertext)
    {
        var table = Tables.GetValue(crypter, static _ => new ConditionalWeakTable<PropertyValue, string>());
        table.AddOrUpdate(secret, ciphertext);
    }
}
