using System.Security.Cryptography;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Tls;
using Infra.Protocol.Values;
using Infra.Tls.Tests.Support;

namespace Infra.Tls.Tests.Engine;

/// <summary>PrivateKey through the provider, every encoding checked with openssl and ssh-keygen.</summary>
public sealed class TlsProviderPrivateKeyTests : IDisposable
{
    private readonly TlsTestKit _kit = new();
    private readonly OpenSsl _openssl = new();

    [Fact]
    public async Task Create_Rsa_PemFormsAreValidAndPublicKeyMatches()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();

        // Act
        var (inputs, id, outputs) = await _kit.CreateKeyAsync("RSA", rsaBits: 2048);

        // Assert: defaults filled, PEMs end with a newline, openssl accepts the key and derives the same public key
        Assert.Equal(PropertyValue.Create(2048), inputs["rsaBits"]);
        Assert.Equal(PropertyValue.Create("P224"), inputs["ecdsaCurve"]);
        var pem = TlsTestKit.Plain(outputs, "privateKeyPem");
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("-----END RSA PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", TlsTestKit.Plain(outputs, "privateKeyPemPkcs8"), StringComparison.Ordinal);
        var keyFile = _openssl.Write("key.pem", pem);
        Assert.Contains("RSA key ok", await _openssl.RunOkAsync("rsa", "-in", keyFile, "-check", "-noout"), StringComparison.Ordinal);
        Assert.Contains("Private-Key: (2048 bit", await _openssl.RunOkAsync("pkey", "-in", keyFile, "-text", "-noout"), StringComparison.Ordinal);
        var derived = await _openssl.RunOkAsync("pkey", "-in", keyFile, "-pubout");
        Assert.Equal(derived, TlsTestKit.Plain(outputs, "publicKeyPem"));
        var pkcs8Derived = await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("pkcs8.pem", TlsTestKit.Plain(outputs, "privateKeyPemPkcs8")), "-pubout");
        Assert.Equal(derived, pkcs8Derived);

        // Assert: the ID is the hex SHA-1 of the DER public key
        await _openssl.RunOkAsync("pkey", "-in", keyFile, "-pubout", "-outform", "DER", "-out", Path.Combine(_openssl.Directory, "pub.der"));
        var der = await File.ReadAllBytesAsync(Path.Combine(_openssl.Directory, "pub.der"), TestContext.Current.CancellationToken);
#pragma warning disable CA5350 // the provider's ID format
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(der)), id);
#pragma warning restore CA5350
    }

    [Theory]
    [InlineData("P256", "prime256v1", "ecdsa-sha2-nistp256")]
    [InlineData("P384", "secp384r1", "ecdsa-sha2-nistp384")]
    [InlineData("P521", "secp521r1", "ecdsa-sha2-nistp521")]
    public async Task Create_Ecdsa_KeyIsOnTheCurveAndOpenSshFormsMatch(string curve, string opensslCurve, string sshType)
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        OpenSsl.RequireSshKeygen();

        // Act
        var (_, _, outputs) = await _kit.CreateKeyAsync("ECDSA", curve);

        // Assert: SEC 1 PEM on the right curve, public key matches
        var pem = TlsTestKit.Plain(outputs, "privateKeyPem");
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        var keyFile = _openssl.Write("key.pem", pem);
        Assert.Contains(opensslCurve, await _openssl.RunOkAsync("ec", "-in", keyFile, "-text", "-noout", "-check"), StringComparison.Ordinal);
        Assert.Equal(await _openssl.RunOkAsync("pkey", "-in", keyFile, "-pubout"), TlsTestKit.Plain(outputs, "publicKeyPem"));

        // Assert: ssh-keygen reads the OpenSSH private key and derives the same authorized_keys line
        var sshKey = _openssl.WritePrivate("id_ecdsa", TlsTestKit.Plain(outputs, "privateKeyOpenssh"));
        var publicLine = TlsTestKit.Plain(outputs, "publicKeyOpenssh");
        Assert.StartsWith(sshType + " ", publicLine, StringComparison.Ordinal);
        Assert.EndsWith("\n", publicLine, StringComparison.Ordinal);
        Assert.Equal(publicLine.TrimEnd(), (await _openssl.SshKeygenOkAsync("-y", "-f", sshKey)).TrimEnd());

        // Assert: fingerprints as ssh-keygen prints them
        var publicFile = _openssl.Write("id_ecdsa.pub", publicLine);
        Assert.Contains(TlsTestKit.Plain(outputs, "publicKeyFingerprintSha256"), await _openssl.SshKeygenOkAsync("-l", "-E", "sha256", "-f", publicFile), StringComparison.Ordinal);
        Assert.Contains("MD5:" + TlsTestKit.Plain(outputs, "publicKeyFingerprintMd5"), await _openssl.SshKeygenOkAsync("-l", "-E", "md5", "-f", publicFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RsaOpenSsh_SshKeygenReadsPrivateKeyAndFingerprints()
    {
        // Arrange
        OpenSsl.RequireSshKeygen();

        // Act
        var (_, _, outputs) = await _kit.CreateKeyAsync("RSA", rsaBits: 3072);

        // Assert
        var sshKey = _openssl.WritePrivate("id_rsa", TlsTestKit.Plain(outputs, "privateKeyOpenssh"));
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n", TlsTestKit.Plain(outputs, "privateKeyOpenssh"), StringComparison.Ordinal);
        var publicLine = TlsTestKit.Plain(outputs, "publicKeyOpenssh");
        Assert.Equal(publicLine.TrimEnd(), (await _openssl.SshKeygenOkAsync("-y", "-f", sshKey)).TrimEnd());
        var listing = await _openssl.SshKeygenOkAsync("-l", "-E", "sha256", "-f", _openssl.Write("id_rsa.pub", publicLine));
        Assert.StartsWith("3072 " + TlsTestKit.Plain(outputs, "publicKeyFingerprintSha256") + " ", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DefaultCurveP224_OpenSshFieldsAreEmpty()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();

        // Act
        var (inputs, _, outputs) = await _kit.CreateKeyAsync("ECDSA");

        // Assert
        Assert.Equal(PropertyValue.Create("P224"), inputs["ecdsaCurve"]);
        Assert.Equal(string.Empty, TlsTestKit.Plain(outputs, "privateKeyOpenssh"));
        Assert.Equal(string.Empty, TlsTestKit.Plain(outputs, "publicKeyOpenssh"));
        Assert.Equal(string.Empty, TlsTestKit.Plain(outputs, "publicKeyFingerprintMd5"));
        Assert.Equal(string.Empty, TlsTestKit.Plain(outputs, "publicKeyFingerprintSha256"));
        var keyFile = _openssl.Write("key.pem", TlsTestKit.Plain(outputs, "privateKeyPem"));
        Assert.Contains("secp224r1", await _openssl.RunOkAsync("ec", "-in", keyFile, "-text", "-noout"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PrivateOutputs_AreSecretAndPublicOnesAreNot()
    {
        // Act
        var (_, _, outputs) = await _kit.CreateKeyAsync("ECDSA", "P256");

        // Assert
        foreach (var key in new[] { "privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh" })
        {
            Assert.Equal(PropertyValueKind.Secret, outputs[key].Kind);
        }

        foreach (var key in new[] { "publicKeyPem", "publicKeyOpenssh", "publicKeyFingerprintMd5", "publicKeyFingerprintSha256", "algorithm" })
        {
            Assert.Equal(PropertyValueKind.String, outputs[key].Kind);
        }
    }

    [Fact]
    public async Task Create_Preview_ReturnsSecretUnknownsAndNoId()
    {
        // Arrange
        var check = await _kit.CheckAsync(TlsNames.PrivateKeyType, TlsTestKit.Map(("algorithm", "RSA")));

        // Act
        var created = await _kit.Provider.CreateAsync(
            new CreateRequest { Urn = TlsTestKit.Urn(TlsNames.PrivateKeyType, "r"), Inputs = check.Inputs, Preview = true },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(created.Id);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Unknown), created.Outputs["privateKeyPem"]);
        Assert.Equal(PropertyValue.Unknown, created.Outputs["publicKeyPem"]);
    }

    [Fact]
    public async Task Check_BadInputs_ReportsEveryFieldRuleAndValue()
    {
        // Act
        var rsa = await _kit.CheckAsync(TlsNames.PrivateKeyType, TlsTestKit.Map(("algorithm", "RSA"), ("rsaBits", 1000), ("ecdsaCurve", "P999")));
        var unknown = await _kit.CheckAsync(TlsNames.PrivateKeyType, TlsTestKit.Map(("algorithm", "DSA")));
        var missing = await _kit.CheckAsync(TlsNames.PrivateKeyType, TlsTestKit.Map());

        // Assert
        Assert.Equal(
            [
                new CheckFailure("rsaBits", "must be between 1024 and 16384 (was 1000)"),
                new CheckFailure("ecdsaCurve", "must be one of P224, P256, P384, P521 (was \"P999\")"),
            ],
            rsa.Failures);
        Assert.Equal([new CheckFailure("algorithm", "must be one of RSA, ECDSA, ED25519 (was \"DSA\")")], unknown.Failures);
        Assert.Equal([new CheckFailure("algorithm", "is required")], missing.Failures);
    }

    [Fact]
    public async Task Create_Ed25519_OpensslAndSshKeygenAcceptEveryEncoding()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        OpenSsl.RequireSshKeygen();

        // Act
        var (_, id, outputs) = await _kit.CreateKeyAsync("ED25519");

        // Assert: PKCS#8 PEM that openssl reads and derives the same public key from
        var pem = TlsTestKit.Plain(outputs, "privateKeyPem");
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.Equal(pem, TlsTestKit.Plain(outputs, "privateKeyPemPkcs8"));
        var keyFile = _openssl.Write("key.pem", pem);
        Assert.Contains("ED25519 Private-Key", await _openssl.RunOkAsync("pkey", "-in", keyFile, "-text", "-noout"), StringComparison.Ordinal);
        Assert.Equal(await _openssl.RunOkAsync("pkey", "-in", keyFile, "-pubout"), TlsTestKit.Plain(outputs, "publicKeyPem"));
        Assert.Equal(40, id.Length);

        // Assert: OpenSSH forms and fingerprints as ssh-keygen sees them
        var sshKey = _openssl.WritePrivate("id_ed25519", TlsTestKit.Plain(outputs, "privateKeyOpenssh"));
        var publicLine = TlsTestKit.Plain(outputs, "publicKeyOpenssh");
        Assert.StartsWith("ssh-ed25519 ", publicLine, StringComparison.Ordinal);
        Assert.Equal(publicLine.TrimEnd(), (await _openssl.SshKeygenOkAsync("-y", "-f", sshKey)).TrimEnd());
        var listing = await _openssl.SshKeygenOkAsync("-l", "-E", "sha256", "-f", _openssl.Write("id_ed25519.pub", publicLine));
        Assert.StartsWith("256 " + TlsTestKit.Plain(outputs, "publicKeyFingerprintSha256") + " ", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPublicKey_OpensslGeneratedEd25519Key_IsRead()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        var pem = await _openssl.RunOkAsync("genpkey", "-algorithm", "ed25519");

        // Act
        var result = await _kit.Provider.InvokeAsync(
            new InvokeRequest { Token = TlsNames.GetPublicKeyToken, Args = TlsTestKit.Map(("privateKeyPem", TlsTestKit.Secret(pem))) },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
        Assert.Equal("ED25519", TlsTestKit.Plain(result.Return, "algorithm"));
        Assert.Equal(await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("k.pem", pem), "-pubout"), TlsTestKit.Plain(result.Return, "publicKeyPem"));
    }

    [Fact]
    public async Task Diff_AnyInputChange_ForcesReplacement()
    {
        // Arrange
        var (inputs, id, outputs) = await _kit.CreateKeyAsync("RSA");
        var changed = (await _kit.CheckAsync(TlsNames.PrivateKeyType, TlsTestKit.Map(("algorithm", "RSA"), ("rsaBits", 4096)))).Inputs;

        // Act
        var same = await Diff(inputs, outputs, inputs, id);
        var diff = await Diff(inputs, outputs, changed, id);

        // Assert
        Assert.Equal(DiffChanges.None, same.Changes);
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Equal(["rsaBits"], diff.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.UpdateReplace, diff.DetailedDiff["rsaBits"].Kind);
    }

    [Fact]
    public async Task ReadAndDelete_LogicalResource_StateIsKeptAndDeleteSucceeds()
    {
        // Arrange
        var (inputs, id, outputs) = await _kit.CreateKeyAsync("ECDSA", "P256");
        var urn = TlsTestKit.Urn(TlsNames.PrivateKeyType, "key");

        // Act
        var read = await _kit.Provider.ReadAsync(new ReadRequest { Urn = urn, Id = id, Inputs = inputs, State = outputs }, TestContext.Current.CancellationToken);
        await _kit.Provider.DeleteAsync(new DeleteRequest { Urn = urn, Id = id, Inputs = inputs, Outputs = outputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(id, read.Id);
        Assert.Equal(outputs, read.Outputs);
    }

    public void Dispose() => _openssl.Dispose();

    private Task<DiffResult> Diff(
        System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> olds,
        System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> outputs,
        System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> news,
        string id) =>
        _kit.Provider.DiffAsync(
            new DiffRequest { Urn = TlsTestKit.Urn(TlsNames.PrivateKeyType, "key"), Id = id, OldInputs = olds, OldOutputs = outputs, NewInputs = news },
            TestContext.Current.CancellationToken);
}
