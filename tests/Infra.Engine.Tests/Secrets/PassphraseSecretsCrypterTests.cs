using System.Text;
using Infra.Engine.Secrets;

namespace Infra.Engine.Tests.Secrets;

public sealed class PassphraseSecretsCrypterTests
{
    private const string TamperedMessage =
        "failed to decrypt: the ciphertext does not match this stack's key (it was changed, or it was encrypted with a different passphrase)";

    [Theory]
    [InlineData("password", "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==")]
    [InlineData("abc123", "v1:4iF78gb0nF0=:v1:Co6IbTWYs/UdrjgY:FSrAWOFZnj9ealCUDdJL7LrUKXX9BA==")]
    [InlineData("123abc", "v1:C7H2a7/Ietk=:v1:yfAd1zOi6iY9DRIB:dumdsr+H89VpHIQWdB01XEFqYaYjAg==")]
    [InlineData("TestConfigRoundtripComments", "v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==")]
    [InlineData("correct horse battery staple", "v1:3ZcVRCMzEbk=:v1:A4wYnaSVLIkK0AhS:2SrOnSDh9wVGmoyZt97KYJN3WfDDHA==")]
    public void FromEncryptionSalt_PulumiTestVector_UnlocksAndKeepsSalt(string passphrase, string salt)
    {
        // Arrange / Act
        var crypter = PassphraseSecretsCrypter.FromEncryptionSalt(passphrase, salt);

        // Assert
        Assert.Equal(salt, crypter.EncryptionSalt);
        Assert.Equal("round trip", crypter.Decrypt(crypter.Encrypt("round trip")));
    }

    [Fact]
    public void DeriveKey_PulumiSalt_MatchesKnownKey()
    {
        // Arrange
        var salt = Convert.FromBase64String("fozI5u6B030=");

        // Act
        var key = PassphraseSecretsCrypter.DeriveKey("password", salt);

        // Assert
        Assert.Equal(TestCrypters.PasswordKeyHex, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Decrypt_PulumiRoundtripConfigSecret_ReturnsRawString()
    {
        // Arrange
        var crypter = PassphraseSecretsCrypter.FromEncryptionSalt("TestConfigRoundtripComments", TestCrypters.RoundtripSalt);

        // Act
        var plaintext = crypter.Decrypt(TestCrypters.RoundtripSecretCiphertext);

        // Assert
        Assert.Equal("secret-value", plaintext);
    }

    [Fact]
    public void Encrypt_UpstreamNonce_ReproducesUpstreamCheckValueExactly()
    {
        // Arrange
        var crypter = TestCrypters.Password();
        var nonce = Convert.FromBase64String("F+6ZduKKd8G0/V7L");

        // Act
        var ciphertext = crypter.Encrypt("pulumi", nonce);

        // Assert
        Assert.Equal("v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", ciphertext);
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_UsesFreshNonceAndBothDecrypt()
    {
        // Arrange
        var crypter = TestCrypters.Password();

        // Act
        var first = crypter.Encrypt("s3cr3t");
        var second = crypter.Encrypt("s3cr3t");

        // Assert
        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split(':')[1], second.Split(':')[1]);
        Assert.Equal("s3cr3t", crypter.Decrypt(first));
        Assert.Equal("s3cr3t", crypter.Decrypt(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3cr3t")]
    [InlineData("ünïcødé ✓ 🔑")]
    [InlineData("line1\nline2\t\"quoted\"")]
    public void Encrypt_AnyText_RoundTripsInV1Format(string plaintext)
    {
        // Arrange
        var crypter = TestCrypters.Roundtrip();

        // Act
        var ciphertext = crypter.Encrypt(plaintext);

        // Assert
        var parts = ciphertext.Split(':');
        Assert.Equal(3, parts.Length);
        Assert.Equal("v1", parts[0]);
        Assert.Equal(16, parts[1].Length);
        Assert.Equal(Encoding.UTF8.GetByteCount(plaintext) + 16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(plaintext, crypter.Decrypt(ciphertext));
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_ThrowsDecryptionFailed()
    {
        // Arrange
        var crypter = TestCrypters.Roundtrip();
        var parts = TestCrypters.RoundtripSecretCiphertext.Split(':');
        var body = Convert.FromBase64String(parts[2]);
        body[0] ^= 0x01;
        var tampered = $"v1:{parts[1]}:{Convert.ToBase64String(body)}";

        // Act
        var exception = Assert.Throws<SecretsException>(() => crypter.Decrypt(tampered));

        // Assert
        Assert.Equal(SecretsErrorKind.DecryptionFailed, exception.Kind);
        Assert.Equal(TamperedMessage, exception.Message);
    }

    [Fact]
    public void Decrypt_TamperedNonce_ThrowsDecryptionFailed()
    {
        // Arrange
        var crypter = TestCrypters.Roundtrip();
        var parts = TestCrypters.RoundtripSecretCiphertext.Split(':');
        var nonce = Convert.FromBase64String(parts[1]);
        nonce[11] ^= 0x80;
        var tampered = $"v1:{Convert.ToBase64String(nonce)}:{parts[2]}";

        // Act
        var exception = Assert.Throws<SecretsException>(() => crypter.Decrypt(tampered));

        // Assert
        Assert.Equal(SecretsErrorKind.DecryptionFailed, exception.Kind);
        Assert.Equal(TamperedMessage, exception.Message);
    }

    [Fact]
    public void Decrypt_ValueFromAnotherStack_ThrowsWithoutRevealingPlaintext()
    {
        // Arrange
        var other = TestCrypters.Password();
        var ciphertext = other.Encrypt("hunter2");

        // Act
        var exception = Assert.Throws<SecretsException>(() => TestCrypters.Roundtrip().Decrypt(ciphertext));

        // Assert
        Assert.Equal(SecretsErrorKind.DecryptionFailed, exception.Kind);
        Assert.DoesNotContain("hunter2", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hunter2", "ciphertext is malformed: expected 'v1:<base64 nonce>:<base64 ciphertext>' but found 1 colon-separated part(s)")]
    [InlineData("v1:a:b:c", "ciphertext is malformed: expected 'v1:<base64 nonce>:<base64 ciphertext>' but found 4 colon-separated part(s)")]
    [InlineData("v2:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", "ciphertext has an unknown value version (expected 'v1:' at the start)")]
    [InlineData("v1:not base64!:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", "ciphertext is malformed: the nonce is not valid base64")]
    [InlineData("v1:AAAA:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", "ciphertext is malformed: the nonce must be 12 bytes (was 3 bytes)")]
    [InlineData("v1:F+6ZduKKd8G0/V7L:%%%", "ciphertext is malformed: the ciphertext is not valid base64")]
    [InlineData("v1:F+6ZduKKd8G0/V7L:AAAA", "ciphertext is malformed: it must hold at least the 16-byte tag (was 3 bytes)")]
    public void Decrypt_MalformedValue_ThrowsClearMessage(string ciphertext, string expected)
    {
        // Arrange
        var crypter = TestCrypters.Password();

        // Act
        var exception = Assert.Throws<SecretsException>(() => crypter.Decrypt(ciphertext));

        // Assert
        Assert.Equal(SecretsErrorKind.MalformedCiphertext, exception.Kind);
        Assert.Equal(expected, exception.Message);
    }

    [Fact]
    public void FromEncryptionSalt_WrongPassphrase_ThrowsIncorrectPassphraseWithoutEchoingIt()
    {
        // Arrange
        const string wrong = "not-the-passphrase";

        // Act
        var exception = Assert.Throws<SecretsException>(
            () => PassphraseSecretsCrypter.FromEncryptionSalt(wrong, TestCrypters.PasswordSalt));

        // Assert
        Assert.Equal(SecretsErrorKind.IncorrectPassphrase, exception.Kind);
        Assert.Equal(
            "incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase or set "
            + "PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase",
            exception.Message);
        Assert.DoesNotContain(wrong, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEncryptionSalt_CheckValueNotPulumi_ThrowsIncorrectPassphrase()
    {
        // Arrange: a salt whose check value decrypts, but to a text other than "pulumi"
        var crypter = TestCrypters.Password();
        var forged = $"v1:fozI5u6B030=:{crypter.Encrypt("not pulumi")}";

        // Act
        var exception = Assert.Throws<SecretsException>(() => PassphraseSecretsCrypter.FromEncryptionSalt("password", forged));

        // Assert
        Assert.Equal(SecretsErrorKind.IncorrectPassphrase, exception.Kind);
    }

    [Theory]
    [InlineData("v1:fozI5u6B030=", "encryptionsalt is malformed: expected 'v1:<base64 salt>:v1:<base64 nonce>:<base64 ciphertext>' but found 2 colon-separated part(s)")]
    [InlineData("v0:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", "encryptionsalt has an unknown state version (expected 'v1:' at the start)")]
    [InlineData("v1:***:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", "encryptionsalt is malformed: the salt is not valid base64")]
    [InlineData("v1:fozI5u6B030=:v2:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", "encryptionsalt is malformed: the check value is not a valid ciphertext (ciphertext has an unknown value version (expected 'v1:' at the start))")]
    [InlineData("v1:fozI5u6B030=:pulumi", "encryptionsalt is malformed: the check value is not a valid ciphertext (ciphertext is malformed: expected 'v1:<base64 nonce>:<base64 ciphertext>' but found 1 colon-separated part(s))")]
    public void FromEncryptionSalt_MalformedSalt_ThrowsBeforeDerivingKey(string salt, string expected)
    {
        // Act
        var exception = Assert.Throws<SecretsException>(() => PassphraseSecretsCrypter.FromEncryptionSalt("password", salt));

        // Assert
        Assert.Equal(SecretsErrorKind.MalformedEncryptionSalt, exception.Kind);
        Assert.Equal(expected, exception.Message);
    }

    [Fact]
    public void CreateNew_AnyPassphrase_WritesPulumiSaltShapeThatUnlocksAgain()
    {
        // Arrange / Act
        var created = PassphraseSecretsCrypter.CreateNew("correct horse battery staple");
        var reopened = PassphraseSecretsCrypter.FromEncryptionSalt("correct horse battery staple", created.EncryptionSalt);

        // Assert
        var parts = created.EncryptionSalt.Split(':');
        Assert.Equal(5, parts.Length);
        Assert.Equal("v1", parts[0]);
        Assert.Equal(12, parts[1].Length);
        Assert.EndsWith("=", parts[1], StringComparison.Ordinal);
        Assert.Equal(8, Convert.FromBase64String(parts[1]).Length);
        Assert.Equal("v1", parts[2]);
        Assert.Equal(22, Convert.FromBase64String(parts[4]).Length);
        Assert.Equal("x", reopened.Decrypt(created.Encrypt("x")));
    }

    [Fact]
    public void CreateNew_EmptyPassphrase_IsAllowed()
    {
        // Arrange / Act
        var created = PassphraseSecretsCrypter.CreateNew(string.Empty);

        // Assert
        var reopened = PassphraseSecretsCrypter.FromEncryptionSalt(string.Empty, created.EncryptionSalt);
        Assert.Equal("value", reopened.Decrypt(created.Encrypt("value")));
    }

    [Fact]
    public void FromKey_WrongKeyLength_ThrowsArgumentException()
    {
        // Act
        var exception = Assert.Throws<ArgumentException>(() => PassphraseSecretsCrypter.FromKey(new byte[16], TestCrypters.PasswordSalt));

        // Assert
        Assert.StartsWith("key: must be 32 bytes (was 16 bytes)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_ShowsNoKeyMaterial()
    {
        // Arrange
        var crypter = TestCrypters.Password();

        // Act
        var text = crypter.ToString();

        // Assert
        Assert.Equal("passphrase secrets crypter (v1, AES-256-GCM)", text);
    }
}
