using Infra.Engine.Providers;
using Infra.Engine.Providers.Tls;
using Infra.Protocol.Values;
using Infra.Tls.Tests.Support;

namespace Infra.Tls.Tests.Engine;

/// <summary>getPublicKey and getCertificate, and the provider factory.</summary>
public sealed class TlsProviderFunctionTests : IDisposable
{
    private readonly TlsTestKit _kit = new();
    private readonly OpenSsl _openssl = new();

    [Theory]
    [InlineData("privateKeyPem")]
    [InlineData("privateKeyPemPkcs8")]
    [InlineData("privateKeyOpenssh")]
    public async Task GetPublicKey_AnyPrivateForm_ReturnsTheKeysPublicOutputs(string form)
    {
        // Arrange
        var (_, id, key) = await _kit.CreateKeyAsync("ECDSA", "P384");
        var argument = form == "privateKeyOpenssh" ? "privateKeyOpenssh" : "privateKeyPem";

        // Act
        var result = await InvokeAsync(TlsNames.GetPublicKeyToken, TlsTestKit.Map((argument, key[form])));

        // Assert
        Assert.Empty(result.Failures);
        Assert.Equal(id, TlsTestKit.Plain(result.Return, "id"));
        Assert.Equal("ECDSA", TlsTestKit.Plain(result.Return, "algorithm"));
        foreach (var output in new[] { "publicKeyPem", "publicKeyOpenssh", "publicKeyFingerprintMd5", "publicKeyFingerprintSha256" })
        {
            Assert.Equal(key[output], result.Return[output]);
        }

        Assert.Equal(PropertyValueKind.Secret, result.Return[argument].Kind);
    }

    [Fact]
    public async Task GetPublicKey_BadArguments_FailWithoutEchoingTheKey()
    {
        // Act
        var neither = await InvokeAsync(TlsNames.GetPublicKeyToken, TlsTestKit.Map());
        var garbage = await InvokeAsync(TlsNames.GetPublicKeyToken, TlsTestKit.Map(("privateKeyPem", TlsTestKit.Secret("very-secret-material"))));

        // Assert
        Assert.Equal([new CheckFailure("privateKeyPem", "exactly one of privateKeyPem or privateKeyOpenssh must be set")], neither.Failures);
        Assert.Equal(
            [new CheckFailure("privateKeyPem", "must be a private key: no PEM block found (expected -----BEGIN …----- / -----END …-----)")],
            garbage.Failures);
    }

    [Fact]
    public async Task GetCertificate_Chain_DescribesEachCertificateAsOpensslDoes()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        var (_, _, caKey) = await _kit.CreateKeyAsync("RSA", name: "ca-key");
        var (_, caId, ca) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, TlsTestKit.CaInputs(TlsTestKit.Plain(caKey, "privateKeyPem")), "ca");
        var caPem = TlsTestKit.Plain(ca, "certPem");

        // Act
        var result = await InvokeAsync(TlsNames.GetCertificateToken, TlsTestKit.Map(("content", caPem + caPem)));

        // Assert
        Assert.Empty(result.Failures);
        var certificates = result.Return["certificates"].ArrayValue;
        Assert.Equal(2, certificates.Length);
        var first = certificates[0].ObjectValue;
        Assert.Equal(caPem, first["certPem"].StringValue);
        Assert.True(first["isCa"].BoolValue);
        Assert.Equal("CN=Homelab Root CA,O=Homelab", first["subject"].StringValue);
        Assert.Equal("CN=Homelab Root CA,O=Homelab", first["issuer"].StringValue);
        Assert.Equal("2026-11-26T12:00:00Z", first["notBefore"].StringValue);
        Assert.Equal("RSA", first["publicKeyAlgorithm"].StringValue);
        Assert.Equal("SHA256-RSA", first["signatureAlgorithm"].StringValue);
        Assert.Equal(caId, first["serialNumber"].StringValue);
        Assert.Equal(3, first["version"].NumberValue);
        var fingerprint = await _openssl.RunOkAsync("x509", "-in", _openssl.Write("ca.pem", caPem), "-noout", "-fingerprint", "-sha1");
        Assert.Equal(fingerprint.Trim().Split('=')[1].Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), first["sha1Fingerprint"].StringValue);
    }

    [Fact]
    public async Task GetCertificate_UrlOrNoCertificate_Fails()
    {
        // Act
        var url = await InvokeAsync(TlsNames.GetCertificateToken, TlsTestKit.Map(("url", "https://vault.lab")));
        var empty = await InvokeAsync(TlsNames.GetCertificateToken, TlsTestKit.Map(("content", "nothing here")));

        // Assert
        Assert.Equal([new CheckFailure("url", "is not supported by the built-in provider yet; pass the PEM as content (was \"https://vault.lab\")")], url.Failures);
        Assert.Equal([new CheckFailure("content", "must contain at least one PEM certificate (-----BEGIN CERTIFICATE-----)")], empty.Failures);
    }

    [Fact]
    public void Factory_OtherMajorVersion_IsRefused()
    {
        // Act
        var five = _kit.Provider.Factory("tls", "5.5.1");
        var error = Assert.Throws<ArgumentException>(() => _kit.Provider.Factory("tls", "4.11.0"));

        // Assert
        Assert.Same(_kit.Provider, five);
        Assert.StartsWith("The built-in tls provider implements tls 5.x; version '4.11.0' was requested. Pin a 5.x version.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _openssl.Dispose();

    private Task<InvokeResult> InvokeAsync(string token, System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> args) =>
        _kit.Provider.InvokeAsync(new InvokeRequest { Token = token, Args = args }, TestContext.Current.CancellationToken);
}
