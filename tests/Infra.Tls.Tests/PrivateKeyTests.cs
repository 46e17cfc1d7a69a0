using Infra.Protocol.Values;
using Infra.Testing;

namespace Infra.Tls.Tests;

/// <summary>The typed <see cref="PrivateKey"/> under mocks: token, wire names, enum values, version, secrets.</summary>
public sealed class PrivateKeyTests
{
    private static readonly TestOptions Update = new() { IsPreview = false };

    [Fact]
    public async Task Constructor_EcdsaKey_RegistersTokenWireValuesAndPinnedVersion()
    {
        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Ecdsa, EcdsaCurve = EcdsaCurve.P384 });
        });

        // Assert
        var registration = result.RegistrationOf("tls:index/privateKey:PrivateKey", "ca-key");
        Assert.Equal(PropertyValue.Create("ECDSA"), registration.Inputs["algorithm"]);
        Assert.Equal(PropertyValue.Create("P384"), registration.Inputs["ecdsaCurve"]);
        Assert.False(registration.Inputs.ContainsKey("rsaBits"));
        Assert.Equal("5.0.0", registration.Options.Version);
        Assert.Equal(["privateKeyOpenssh", "privateKeyPem", "privateKeyPemPkcs8"], registration.Options.AdditionalSecretOutputs);
    }

    [Fact]
    public async Task Outputs_PrivateKeyMaterial_IsSecretEvenWhenTheEngineReturnsItPlain()
    {
        // Arrange
        PrivateKey? key = null;

        // Act
        await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            key = new PrivateKey("key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Rsa, RsaBits = 4096 });
        });

        // Assert
        Assert.True(await key!.PrivateKeyPem.IsSecretAsync());
        Assert.True(await key.PrivateKeyPemPkcs8.IsSecretAsync());
        Assert.True(await key.PrivateKeyOpenssh.IsSecretAsync());
        Assert.False(await key.PublicKeyPem.IsSecretAsync());
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", await key.PrivateKeyPem.GetValueAsync(), StringComparison.Ordinal);
        Assert.Equal(PrivateKeyAlgorithm.Rsa, await key.Algorithm.GetValueAsync());
        Assert.Equal(4096, await key.RsaBits.GetValueAsync());
        Assert.DoesNotContain("BEGIN", key.PrivateKeyPem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_UserOptions_AreNotModifiedAndTheirVersionWins()
    {
        // Arrange
        var options = new CustomResourceOptions { Version = "5.5.1", AdditionalSecretOutputs = ["publicKeyPem"], Protect = true };

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new PrivateKey("key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Rsa }, options);
        });

        // Assert
        var registration = result.RegistrationOf(PrivateKey.TypeToken, "key");
        Assert.Equal("5.5.1", registration.Options.Version);
        Assert.True(registration.Options.Protect);
        Assert.Equal(["publicKeyPem", "privateKeyOpenssh", "privateKeyPem", "privateKeyPemPkcs8"], registration.Options.AdditionalSecretOutputs);
        Assert.Equal(["publicKeyPem"], options.AdditionalSecretOutputs);
    }

    [Fact]
    public async Task Provider_Proxy_IsJsonEncodedWithSecretPassword()
    {
        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Provider("tls", new ProviderArgs { Proxy = new ProviderProxyArgs { Url = "http://proxy.lab:3128", FromEnv = false } });
        });

        // Assert
        var registration = result.RegistrationOf("pulumi:providers:tls", "tls");
        Assert.Equal("5.0.0", registration.Options.Version);
        var proxy = registration.Inputs["proxy"].WithoutSecrets();
        Assert.Equal(PropertyValueKind.String, proxy.Kind);
        Assert.Contains("\"url\":\"http://proxy.lab:3128\"", proxy.StringValue, StringComparison.Ordinal);
        Assert.Contains("\"fromEnv\":false", proxy.StringValue, StringComparison.Ordinal);
    }
}
