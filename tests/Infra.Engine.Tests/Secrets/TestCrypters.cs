using Infra.Engine.Secrets;

namespace Infra.Engine.Tests.Secrets;

/// <summary>
/// Crypters for Pulumi's published test vectors, built from the known derived keys so that tests do
/// not pay for a 1,000,000-iteration key derivation each time.
/// </summary>
internal static class TestCrypters
{
    /// <summary>Passphrase <c>password</c> (pkg/secrets/passphrase/manager_test.go).</summary>
    public const string PasswordSalt = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";

    /// <summary>PBKDF2 output for <c>password</c> and the salt of <see cref="PasswordSalt"/>.</summary>
    public const string PasswordKeyHex = "7e700703e28b164e816cb939612c938b8dcf8f8a5237d02824cea3fb656b3a8b";

    /// <summary>Passphrase <c>TestConfigRoundtripComments</c> (tests/roundtrip/roundtrip_test.go).</summary>
    public const string RoundtripSalt = "v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==";

    /// <summary>PBKDF2 output for <c>TestConfigRoundtripComments</c> and the salt of <see cref="RoundtripSalt"/>.</summary>
    public const string RoundtripKeyHex = "2c87ab85989efcf30f69448a0162c1a8b4f82f2c153000ef3cfd7e497bec262a";

    /// <summary>The <c>foo:d</c> secret of the roundtrip test; it decrypts to <c>secret-value</c>.</summary>
    public const string RoundtripSecretCiphertext = "v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==";

    /// <summary>A crypter for passphrase <c>password</c>.</summary>
    public static PassphraseSecretsCrypter Password() =>
        PassphraseSecretsCrypter.FromKey(Convert.FromHexString(PasswordKeyHex), PasswordSalt);

    /// <summary>A crypter for passphrase <c>TestConfigRoundtripComments</c>.</summary>
    public static PassphraseSecretsCrypter Roundtrip() =>
        PassphraseSecretsCrypter.FromKey(Convert.FromHexString(RoundtripKeyHex), RoundtripSalt);
}
