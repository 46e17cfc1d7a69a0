using System.Text;
using Infra.Engine.Secrets;

namespace Infra.Engine.Tests.State;

/// <summary>A deterministic, reversible test crypter: <c>test:</c> + base64 of the UTF-8 bytes XOR 0x5A.</summary>
internal sealed class TestSecretsCrypter : ISecretsCrypter
{
    public int EncryptCount { get; private set; }

    public int DecryptCount { get; private set; }

    /// <summary>Throw on the encryption with this 1-based number (simulates a failure mid-write).</summary>
    public int? FailOnEncryption { get; init; }

    public string Encrypt(string plaintext)
    {
        EncryptCount++;
        if (FailOnEncryption == EncryptCount)
        {
            throw new InvalidOperationException("simulated encryption failure");
        }

        var bytes = Encoding.UTF8.GetBytes(plaintext);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return "test:" + Convert.ToBase64String(bytes);
    }

    public string Decrypt(string ciphertext)
    {
        DecryptCount++;
        if (!ciphertext.StartsWith("test:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("not a test ciphertext");
        }

        var bytes = Convert.FromBase64String(ciphertext["test:".Length..]);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
