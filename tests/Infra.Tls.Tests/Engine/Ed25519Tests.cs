using Infra.Engine.Providers.Tls;
using Infra.Tls.Tests.Support;

namespace Infra.Tls.Tests.Engine;

/// <summary>The RFC 8032 implementation against the RFC's test vector and against openssl.</summary>
public sealed class Ed25519Tests : IDisposable
{
    private readonly OpenSsl _openssl = new();

    [Fact]
    public void Sign_Rfc8032TestVector1_MatchesPublicKeyAndSignature()
    {
        // Arrange
        var seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        // Act
        var publicKey = Ed25519.PublicKeyOf(seed);
        var signature = Ed25519.Sign(seed, []);

        // Assert
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(publicKey));
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(signature));
        Assert.True(Ed25519.Verify(publicKey, [], signature));
        signature[5] ^= 1;
        Assert.False(Ed25519.Verify(publicKey, [], signature));
    }

    [Fact]
    public async Task Sign_OpensslKey_OpensslVerifiesTheSignature()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        await _openssl.RunOkAsync("genpkey", "-algorithm", "ed25519", "-outform", "DER", "-out", "key.der");
        await _openssl.RunOkAsync("pkey", "-in", "key.der", "-inform", "DER", "-pubout", "-outform", "DER", "-out", "pub.der");
        var seed = (await File.ReadAllBytesAsync(Path.Combine(_openssl.Directory, "key.der"), TestContext.Current.CancellationToken))[^32..];
        var expectedPublic = (await File.ReadAllBytesAsync(Path.Combine(_openssl.Directory, "pub.der"), TestContext.Current.CancellationToken))[^32..];
        var message = "certificate to be signed"u8.ToArray();

        // Act
        var publicKey = Ed25519.PublicKeyOf(seed);
        await File.WriteAllBytesAsync(Path.Combine(_openssl.Directory, "msg.bin"), message, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(_openssl.Directory, "sig.bin"), Ed25519.Sign(seed, message), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(expectedPublic, publicKey);
        Assert.Contains(
            "Signature Verified Successfully",
            await _openssl.RunOkAsync("pkeyutl", "-verify", "-pubin", "-inkey", "pub.der", "-keyform", "DER", "-rawin", "-in", "msg.bin", "-sigfile", "sig.bin"),
            StringComparison.Ordinal);
    }

    public void Dispose() => _openssl.Dispose();
}
