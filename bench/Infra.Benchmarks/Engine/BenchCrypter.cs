using System.Text;
using Infra.Engine.Secrets;

namespace Infra.Benchmarks.Engine;

/// <summary>A cheap reversible crypter so state secrets cost what a real (cached) crypter would, without key derivation.</summary>
internal sealed class BenchCrypter : ISecretsCrypter
{
    public string Encrypt(string plaintext) => "bench:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));

    public string Decrypt(string ciphertext) => Encoding.UTF8.GetString(Convert.FromBase64String(ciphertext["bench:".Length..]));
}
