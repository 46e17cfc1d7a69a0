using Infra.Protocol.Values;
using Infra.Testing;

namespace Infra.Tls.Tests;

/// <summary>The typed certificate resources under mocks: tokens, wire names, snake_case uses, secret inputs and outputs.</summary>
public sealed class CertificateResourceTests
{
    private static readonly TestOptions Update = new() { IsPreview = false };

    [Fact]
    public async Task SelfSignedCert_AllInputs_GoOnTheWireWithProviderNames()
    {
        // Arrange
        SelfSignedCert? cert = null;

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            var key = new PrivateKey("ca-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Ecdsa, EcdsaCurve = EcdsaCurve.P256 });
            cert = new SelfSignedCert("ca", new SelfSignedCertArgs
            {
                PrivateKeyPem = key.PrivateKeyPem,
                ValidityPeriodHours = 87600,
                EarlyRenewalHours = 720,
                AllowedUses = [AllowedUse.CertSigning, AllowedUse.CrlSigning, AllowedUse.ServerAuth, AllowedUse.MicrosoftKernelCodeSigning],
                IsCaCertificate = true,
                MaxPathLength = 1,
                SetSubjectKeyId = true,
                SetAuthorityKeyId = true,
                DnsNames = ["ca.lab"],
                IpAddresses = ["10.0.0.1"],
                Uris = ["spiffe://lab/ca"],
                Subject = new CertificateSubjectArgs
                {
                    CommonName = "Homelab Root CA",
                    Organization = "Homelab",
                    OrganizationalUnit = "Platform",
                    StreetAddresses = ["1 Rack Row"],
                    Locality = "Basement",
                    Province = "Lab",
                    Country = "DE",
                    PostalCode = "12345",
                    SerialNumber = "SN-1",
                },
            });
        });

        // Assert
        var registration = result.RegistrationOf(SelfSignedCert.TypeToken, "ca");
        Assert.Equal("tls:index/selfSignedCert:SelfSignedCert", registration.Type);
        Assert.Equal("5.0.0", registration.Options.Version);
        Assert.Equal(["privateKeyPem"], registration.Options.AdditionalSecretOutputs);
        Assert.Equal(PropertyValueKind.Secret, registration.Inputs["privateKeyPem"].Kind);
        Assert.Equal(
            PropertyValue.CreateArray(new[] { "cert_signing", "crl_signing", "server_auth", "microsoft_kernel_code_signing" }
                .Select(PropertyValue.Create)),
            registration.Inputs["allowedUses"]);
        Assert.Equal(PropertyValue.Create(87600), registration.Inputs["validityPeriodHours"]);
        Assert.Equal(PropertyValue.Create(720), registration.Inputs["earlyRenewalHours"]);
        Assert.Equal(PropertyValue.True, registration.Inputs["isCaCertificate"]);
        Assert.Equal(PropertyValue.Create(1), registration.Inputs["maxPathLength"]);
        Assert.Equal(PropertyValue.True, registration.Inputs["setSubjectKeyId"]);
        Assert.Equal(PropertyValue.True, registration.Inputs["setAuthorityKeyId"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("ca.lab")]), registration.Inputs["dnsNames"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("10.0.0.1")]), registration.Inputs["ipAddresses"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("spiffe://lab/ca")]), registration.Inputs["uris"]);
        Assert.Equal(
            ["commonName", "country", "locality", "organization", "organizationalUnit", "postalCode", "province", "serialNumber", "streetAddresses"],
            registration.Inputs["subject"].ObjectValue.Keys);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("1 Rack Row")]), registration.Inputs["subject"].ObjectValue["streetAddresses"]);
        Assert.Contains(result.RegistrationOf(PrivateKey.TypeToken, "ca-key").Urn, registration.Dependencies);
        Assert.True(await cert!.PrivateKeyPem.IsSecretAsync());
        Assert.False(await cert.CertPem.IsSecretAsync());
        Assert.Equal([AllowedUse.CertSigning, AllowedUse.CrlSigning, AllowedUse.ServerAuth, AllowedUse.MicrosoftKernelCodeSigning], await cert.AllowedUses.GetValueAsync());
        Assert.Equal("Homelab Root CA", (await cert.Subject.GetValueAsync())!.CommonName);
    }

    [Fact]
    public async Task CertRequestAndLocallySignedCert_RegisterWithSecretKeysAndPinnedVersion()
    {
        // Arrange
        LocallySignedCert? signed = null;

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            var key = new PrivateKey("server-key", new PrivateKeyArgs { Algorithm = PrivateKeyAlgorithm.Rsa });
            var request = new CertRequest("server-csr", new CertRequestArgs
            {
                PrivateKeyPem = key.PrivateKeyPem,
                Subject = new CertificateSubjectArgs { CommonName = "vault.lab" },
                DnsNames = ["vault.lab"],
            });
            signed = new LocallySignedCert("server", new LocallySignedCertArgs
            {
                CertRequestPem = "-----BEGIN CERTIFICATE REQUEST-----\n",
                CaPrivateKeyPem = "ca-key-pem",
                CaCertPem = "-----BEGIN CERTIFICATE-----\n",
                ValidityPeriodHours = 720,
                AllowedUses = [AllowedUse.DigitalSignature, AllowedUse.KeyEncipherment, AllowedUse.ServerAuth],
            });
        });

        // Assert
        var csr = result.RegistrationOf(CertRequest.TypeToken, "server-csr");
        Assert.Equal("tls:index/certRequest:CertRequest", csr.Type);
        Assert.Equal("5.0.0", csr.Options.Version);
        Assert.Equal(PropertyValueKind.Secret, csr.Inputs["privateKeyPem"].Kind);
        Assert.Equal(PropertyValue.Create("vault.lab"), csr.Inputs["subject"].ObjectValue["commonName"]);
        var registration = result.RegistrationOf(LocallySignedCert.TypeToken, "server");
        Assert.Equal("tls:index/locallySignedCert:LocallySignedCert", registration.Type);
        Assert.Equal("5.0.0", registration.Options.Version);
        Assert.Equal(["caPrivateKeyPem"], registration.Options.AdditionalSecretOutputs);
        Assert.Equal(TlsTestValue.Secret("ca-key-pem"), registration.Inputs["caPrivateKeyPem"]);
        Assert.Equal(PropertyValue.Create("-----BEGIN CERTIFICATE-----\n"), registration.Inputs["caCertPem"]);
        Assert.Equal(
            PropertyValue.CreateArray(new[] { "digital_signature", "key_encipherment", "server_auth" }.Select(PropertyValue.Create)),
            registration.Inputs["allowedUses"]);
        Assert.True(await signed!.CaPrivateKeyPem.IsSecretAsync());
        Assert.False(await signed.ReadyForRenewal.GetValueAsync());
    }

    [Fact]
    public void AllowedUse_EveryMember_HasTheProvidersSnakeCaseWireValue()
    {
        // Arrange
        var expected = new[]
        {
            "digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement", "cert_signing",
            "crl_signing", "encipher_only", "decipher_only", "any_extended", "server_auth", "client_auth", "code_signing",
            "email_protection", "ipsec_end_system", "ipsec_tunnel", "ipsec_user", "timestamping", "ocsp_signing",
            "microsoft_server_gated_crypto", "netscape_server_gated_crypto", "microsoft_commercial_code_signing",
            "microsoft_kernel_code_signing",
        };

        // Act
        var actual = Enum.GetValues<AllowedUse>()
            .Select(v => typeof(AllowedUse).GetField(v.ToString())!
                .GetCustomAttributes(typeof(System.Runtime.Serialization.EnumMemberAttribute), false)
                .Cast<System.Runtime.Serialization.EnumMemberAttribute>().Single().Value)
            .ToArray();

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task TlsFunctions_GetPublicKey_InvokesTokenWithSecretArgumentAndSecretResult()
    {
        // Arrange
        var mocks = new EchoMocks();
        Output<GetPublicKeyResult>? output = null;

        // Act
        await Deployment.TestAsync(mocks, Update, () =>
        {
            output = TlsFunctions.GetPublicKey(new GetPublicKeyArgs { PrivateKeyPem = "-----BEGIN EC PRIVATE KEY-----\n" });
        });

        // Assert
        var call = Assert.Single(mocks.Calls);
        Assert.Equal("tls:index/getPublicKey:getPublicKey", call.Token);
        Assert.Equal("-----BEGIN EC PRIVATE KEY-----\n", call.Args["privateKeyPem"]);
        var value = await output!.GetValueAsync();
        Assert.Equal("RSA", value.Algorithm);
        Assert.Equal("ssh-rsa AAAA\n", value.PublicKeyOpenssh);
        Assert.True(await output!.IsSecretAsync());
    }

    [Fact]
    public void TlsFunctions_Pinned_SetsTheVersionUnlessTheOptionsDo()
    {
        // Act
        var pinned = TlsFunctions.Pinned(null);
        var own = TlsFunctions.Pinned(new InvokeOptions { Version = "5.5.1", PluginDownloadUrl = "file:///plugins" });

        // Assert
        Assert.Equal("5.0.0", pinned.Version);
        Assert.Equal("5.5.1", own.Version);
        Assert.Equal("file:///plugins", own.PluginDownloadUrl);
    }
}
