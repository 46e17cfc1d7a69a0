using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Tls;
using Infra.Protocol.Values;
using Infra.Tls.Tests.Support;

namespace Infra.Tls.Tests.Engine;

/// <summary>Self-signed and locally signed certificates and requests, verified with openssl.</summary>
public sealed class TlsProviderCertificateTests : IDisposable
{
    private readonly TlsTestKit _kit = new();
    private readonly OpenSsl _openssl = new();

    [Fact]
    public async Task CreateSelfSigned_Ca_OpensslShowsSubjectExtensionsAndValidity()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        var (_, _, key) = await _kit.CreateKeyAsync("RSA");
        var inputs = TlsTestKit.CaInputs(TlsTestKit.Plain(key, "privateKeyPem"))
            .SetItem("maxPathLength", PropertyValue.Create(2))
            .SetItem("setAuthorityKeyId", PropertyValue.True)
            .SetItem("subject", PropertyValue.CreateObject(TlsTestKit.Map(
                ("commonName", "Homelab Root CA"),
                ("organization", "Homelab"),
                ("organizationalUnit", "Platform"),
                ("streetAddresses", new[] { "1 Rack Row" }),
                ("locality", "Basement"),
                ("province", "Lab"),
                ("country", "DE"),
                ("postalCode", "12345"),
                ("serialNumber", "SN-1"))));

        // Act
        var (checkedInputs, id, outputs) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, inputs, "ca");

        // Assert: defaults, outputs and RFC 3339 validity from the injected clock
        Assert.Equal(PropertyValue.Create(0), checkedInputs["earlyRenewalHours"]);
        Assert.Equal(PropertyValue.False, checkedInputs["setSubjectKeyId"]);
        Assert.Equal("2026-11-26T12:00:00Z", TlsTestKit.Plain(outputs, "validityStartTime"));
        Assert.Equal("2036-11-23T12:00:00Z", TlsTestKit.Plain(outputs, "validityEndTime"));
        Assert.Equal(PropertyValue.False, outputs["readyForRenewal"]);
        Assert.Equal("RSA", TlsTestKit.Plain(outputs, "keyAlgorithm"));
        Assert.Equal(PropertyValueKind.Secret, outputs["privateKeyPem"].Kind);
        var certPem = TlsTestKit.Plain(outputs, "certPem");
        Assert.EndsWith("-----END CERTIFICATE-----\n", certPem, StringComparison.Ordinal);

        // Assert: openssl sees what was asked for
        var certFile = _openssl.Write("ca.pem", certPem);
        var text = await _openssl.RunOkAsync("x509", "-in", certFile, "-noout", "-text", "-nameopt", "RFC2253");
        Assert.Contains("Subject: serialNumber=SN-1,CN=Homelab Root CA,OU=Platform,O=Homelab,postalCode=12345,street=1 Rack Row,L=Basement,ST=Lab,C=DE", text, StringComparison.Ordinal);
        Assert.Contains("CA:TRUE, pathlen:2", text, StringComparison.Ordinal);
        Assert.Contains("Digital Signature, Certificate Sign, CRL Sign", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Subject Key Identifier", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Authority Key Identifier", text, StringComparison.Ordinal);
        Assert.Contains("Not Before: Nov 26 12:00:00 2026 GMT", text, StringComparison.Ordinal);
        Assert.Contains("Not After : Nov 23 12:00:00 2036 GMT", text, StringComparison.Ordinal);
        var serial = (await _openssl.RunOkAsync("x509", "-in", certFile, "-noout", "-serial")).Trim()["serial=".Length..];
        Assert.Equal(System.Numerics.BigInteger.Parse("0" + serial, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), id);

        // Assert: the certificate verifies against itself and holds the key's public key
        Assert.Contains("OK", await _openssl.RunOkAsync("verify", "-attime", TlsTestKit.AtTime, "-CAfile", certFile, certFile), StringComparison.Ordinal);
        Assert.Equal(
            await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("key.pem", TlsTestKit.Plain(key, "privateKeyPem")), "-pubout"),
            await _openssl.RunOkAsync("x509", "-in", certFile, "-noout", "-pubkey"));
    }

    [Fact]
    public async Task CreateSelfSigned_ServerWithSans_OpensslShowsSanAndUsages()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        var (_, _, key) = await _kit.CreateKeyAsync("ECDSA", "P384");
        var inputs = TlsTestKit.Map(
            ("privateKeyPem", TlsTestKit.Secret(TlsTestKit.Plain(key, "privateKeyPem"))),
            ("validityPeriodHours", 24),
            ("allowedUses", new[] { "key_encipherment", "digital_signature", "server_auth", "client_auth" }),
            ("dnsNames", new[] { "vault.lab", "*.apps.lab" }),
            ("ipAddresses", new[] { "10.0.0.5", "fd00::5" }),
            ("uris", new[] { "spiffe://lab/vault" }));

        // Act
        var (_, _, outputs) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, inputs, "server");

        // Assert
        var certFile = _openssl.Write("server.pem", TlsTestKit.Plain(outputs, "certPem"));
        var text = await _openssl.RunOkAsync("x509", "-in", certFile, "-noout", "-text");
        Assert.Contains("DNS:vault.lab, DNS:*.apps.lab, IP Address:10.0.0.5, IP Address:FD00:0:0:0:0:0:0:5, URI:spiffe://lab/vault", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Subject Alternative Name: critical", text, StringComparison.Ordinal);
        Assert.Contains("TLS Web Server Authentication, TLS Web Client Authentication", text, StringComparison.Ordinal);
        Assert.Contains("Digital Signature, Key Encipherment", text, StringComparison.Ordinal);
        Assert.Contains("CA:FALSE", text, StringComparison.Ordinal);
        Assert.Contains("ecdsa-with-SHA384", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject Key Identifier", text, StringComparison.Ordinal);
        Assert.Equal("ECDSA", TlsTestKit.Plain(outputs, "keyAlgorithm"));
    }

    [Fact]
    public async Task CreateCertRequest_OpensslVerifiesSignatureAndShowsNames()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        var (_, _, key) = await _kit.CreateKeyAsync("RSA");
        var inputs = TlsTestKit.Map(
            ("privateKeyPem", TlsTestKit.Secret(TlsTestKit.Plain(key, "privateKeyPem"))),
            ("subject", TlsTestKit.Map(("commonName", "node-1.lab"), ("organization", "Homelab"))),
            ("dnsNames", new[] { "node-1.lab" }),
            ("ipAddresses", new[] { "192.168.1.21" }));

        // Act
        var (_, id, outputs) = await _kit.CreateAsync(TlsNames.CertRequestType, inputs, "csr");

        // Assert
        var pem = TlsTestKit.Plain(outputs, "certRequestPem");
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("-----END CERTIFICATE REQUEST-----\n", pem, StringComparison.Ordinal);
        Assert.Equal(40, id.Length);
        var csrFile = _openssl.Write("req.pem", pem);
        var (code, stdout, stderr) = await _openssl.RunAsync("req", "-in", csrFile, "-verify", "-noout", "-text", "-nameopt", "RFC2253");
        Assert.True(code == 0, stderr);
        Assert.Contains("verify OK", stdout + stderr, StringComparison.OrdinalIgnoreCase);
        Assert.True(stdout.Contains("Subject: CN=node-1.lab,O=Homelab", StringComparison.Ordinal), stdout);
        Assert.Contains("DNS:node-1.lab, IP Address:192.168.1.21", stdout, StringComparison.Ordinal);
        Assert.Equal(
            await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("key.pem", TlsTestKit.Plain(key, "privateKeyPem")), "-pubout"),
            await _openssl.RunOkAsync("req", "-in", csrFile, "-noout", "-pubkey"));
        Assert.Equal(PropertyValueKind.Secret, outputs["privateKeyPem"].Kind);
    }

    [Fact]
    public async Task CreateLocallySigned_CaAndServer_ChainVerifiesWithOpenssl()
    {
        // Arrange: an ECDSA CA signing an RSA server request
        OpenSsl.RequireOpenSsl();
        var (_, _, caKey) = await _kit.CreateKeyAsync("ECDSA", "P256", name: "ca-key");
        var (_, _, ca) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, TlsTestKit.CaInputs(TlsTestKit.Plain(caKey, "privateKeyPem")), "ca");
        var (_, _, serverKey) = await _kit.CreateKeyAsync("RSA", name: "server-key");
        var (_, _, csr) = await _kit.CreateAsync(TlsNames.CertRequestType, TlsTestKit.Map(
            ("privateKeyPem", TlsTestKit.Secret(TlsTestKit.Plain(serverKey, "privateKeyPem"))),
            ("subject", TlsTestKit.Map(("commonName", "vault.lab"))),
            ("dnsNames", new[] { "vault.lab" })), "csr");
        var inputs = TlsTestKit.Map(
            ("certRequestPem", TlsTestKit.Plain(csr, "certRequestPem")),
            ("caPrivateKeyPem", TlsTestKit.Secret(TlsTestKit.Plain(caKey, "privateKeyPem"))),
            ("caCertPem", TlsTestKit.Plain(ca, "certPem")),
            ("validityPeriodHours", 720),
            ("allowedUses", new[] { "digital_signature", "key_encipherment", "server_auth" }),
            ("setSubjectKeyId", true));

        // Act
        var (_, _, signed) = await _kit.CreateAsync(TlsNames.LocallySignedCertType, inputs, "server");

        // Assert
        Assert.Equal("ECDSA", TlsTestKit.Plain(signed, "caKeyAlgorithm"));
        Assert.Equal(PropertyValueKind.Secret, signed["caPrivateKeyPem"].Kind);
        var caFile = _openssl.Write("ca.pem", TlsTestKit.Plain(ca, "certPem"));
        var leafFile = _openssl.Write("leaf.pem", TlsTestKit.Plain(signed, "certPem"));
        var verify = await _openssl.RunOkAsync("verify", "-attime", TlsTestKit.AtTime, "-purpose", "sslserver", "-CAfile", caFile, leafFile);
        Assert.Equal($"{leafFile}: OK", verify.Trim());
        var text = await _openssl.RunOkAsync("x509", "-in", leafFile, "-noout", "-text", "-nameopt", "RFC2253");
        Assert.True(text.Contains("Issuer: CN=Homelab Root CA,O=Homelab", StringComparison.Ordinal), text);
        Assert.Contains("Subject: CN=vault.lab", text, StringComparison.Ordinal);
        Assert.Contains("DNS:vault.lab", text, StringComparison.Ordinal);
        Assert.Contains("ecdsa-with-SHA256", text, StringComparison.Ordinal);
        var caText = await _openssl.RunOkAsync("x509", "-in", caFile, "-noout", "-ext", "subjectKeyIdentifier");
        var caSki = caText.Split('\n', StringSplitOptions.TrimEntries)[1];
        Assert.Contains(caSki, await _openssl.RunOkAsync("x509", "-in", leafFile, "-noout", "-ext", "authorityKeyIdentifier"), StringComparison.Ordinal);
        Assert.Equal(
            await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("server-key.pem", TlsTestKit.Plain(serverKey, "privateKeyPem")), "-pubout"),
            await _openssl.RunOkAsync("x509", "-in", leafFile, "-noout", "-pubkey"));
    }

    [Fact]
    public async Task CreateLocallySigned_Ed25519CaAndEd25519Server_ChainVerifiesWithOpenssl()
    {
        // Arrange
        OpenSsl.RequireOpenSsl();
        var (_, _, caKey) = await _kit.CreateKeyAsync("ED25519", name: "ca-key");
        var (_, _, ca) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, TlsTestKit.CaInputs(TlsTestKit.Plain(caKey, "privateKeyPem")), "ca");
        var (_, _, serverKey) = await _kit.CreateKeyAsync("ED25519", name: "server-key");
        var (_, _, csr) = await _kit.CreateAsync(TlsNames.CertRequestType, TlsTestKit.Map(
            ("privateKeyPem", serverKey["privateKeyPem"]),
            ("subject", TlsTestKit.Map(("commonName", "ed.lab"))),
            ("dnsNames", new[] { "ed.lab" })), "csr");

        // Act
        var (_, _, signed) = await _kit.CreateAsync(TlsNames.LocallySignedCertType, TlsTestKit.Map(
            ("certRequestPem", TlsTestKit.Plain(csr, "certRequestPem")),
            ("caPrivateKeyPem", caKey["privateKeyPem"]),
            ("caCertPem", TlsTestKit.Plain(ca, "certPem")),
            ("validityPeriodHours", 24),
            ("allowedUses", new[] { "digital_signature", "server_auth" })), "server");

        // Assert
        Assert.Equal("ED25519", TlsTestKit.Plain(ca, "keyAlgorithm"));
        Assert.Equal("ED25519", TlsTestKit.Plain(signed, "caKeyAlgorithm"));
        var caFile = _openssl.Write("ca.pem", TlsTestKit.Plain(ca, "certPem"));
        var leafFile = _openssl.Write("leaf.pem", TlsTestKit.Plain(signed, "certPem"));
        var (code, stdout, stderr) = await _openssl.RunAsync("req", "-in", _openssl.Write("req.pem", TlsTestKit.Plain(csr, "certRequestPem")), "-verify", "-noout");
        Assert.Equal(0, code);
        Assert.Contains("verify OK", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal($"{caFile}: OK", (await _openssl.RunOkAsync("verify", "-attime", TlsTestKit.AtTime, "-CAfile", caFile, caFile)).Trim());
        Assert.Equal($"{leafFile}: OK", (await _openssl.RunOkAsync("verify", "-attime", TlsTestKit.AtTime, "-purpose", "sslserver", "-CAfile", caFile, leafFile)).Trim());
        Assert.Contains("Signature Algorithm: ED25519", await _openssl.RunOkAsync("x509", "-in", leafFile, "-noout", "-text"), StringComparison.Ordinal);
        Assert.Equal(
            await _openssl.RunOkAsync("pkey", "-in", _openssl.Write("server-key.pem", TlsTestKit.Plain(serverKey, "privateKeyPem")), "-pubout"),
            await _openssl.RunOkAsync("x509", "-in", leafFile, "-noout", "-pubkey"));
    }

    [Fact]
    public async Task CheckSelfSigned_BadInputs_ReportsEveryProblemWithoutKeyMaterial()
    {
        // Arrange
        const string secretText = "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END RSA PRIVATE KEY-----\n";
        var inputs = TlsTestKit.Map(
            ("privateKeyPem", TlsTestKit.Secret(secretText)),
            ("validityPeriodHours", -1),
            ("earlyRenewalHours", -2),
            ("maxPathLength", -5),
            ("allowedUses", new[] { "server_auth", "serverAuth" }),
            ("ipAddresses", new[] { "10.0.0.300" }),
            ("uris", new[] { "not a uri" }));

        // Act
        var result = await _kit.CheckAsync(TlsNames.SelfSignedCertType, inputs);

        // Assert
        Assert.Equal(
            [
                new CheckFailure("privateKeyPem", "must be a PEM private key (RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY): the 'RSA PRIVATE KEY' PEM block does not hold a valid key"),
                new CheckFailure("ipAddresses[0]", "must be an IPv4 or IPv6 address (was \"10.0.0.300\")"),
                new CheckFailure("uris[0]", "must be an absolute URI such as spiffe://lab/node (was \"not a uri\")"),
                new CheckFailure("allowedUses[1]", "must be one of any_extended, cert_signing, client_auth, code_signing, content_commitment, crl_signing, data_encipherment, decipher_only, digital_signature, email_protection, encipher_only, ipsec_end_system, ipsec_tunnel, ipsec_user, key_agreement, key_encipherment, microsoft_commercial_code_signing, microsoft_kernel_code_signing, microsoft_server_gated_crypto, netscape_server_gated_crypto, ocsp_signing, server_auth, timestamping (was \"serverAuth\")"),
                new CheckFailure("validityPeriodHours", "must be between 0 and 8760000 (was -1)"),
                new CheckFailure("earlyRenewalHours", "must be at least 0 (was -2)"),
                new CheckFailure("maxPathLength", "must be between -1 and 2147483647 (was -5)"),
            ],
            result.Failures);
        Assert.DoesNotContain(result.Failures, f => f.Reason.Contains("bm90IGEga2V5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckSelfSigned_CaWithoutSubjectAndAuthorityKeyWithoutSubjectKey_Fails()
    {
        // Arrange
        var (_, _, key) = await _kit.CreateKeyAsync("ECDSA", "P256");
        var pem = TlsTestKit.Secret(TlsTestKit.Plain(key, "privateKeyPem"));
        var ca = TlsTestKit.Map(("privateKeyPem", pem), ("validityPeriodHours", 1), ("allowedUses", new[] { "cert_signing" }), ("isCaCertificate", true));
        var aki = TlsTestKit.Map(("privateKeyPem", pem), ("validityPeriodHours", 1), ("allowedUses", new[] { "server_auth" }), ("setAuthorityKeyId", true));

        // Act
        var caResult = await _kit.CheckAsync(TlsNames.SelfSignedCertType, ca);
        var akiResult = await _kit.CheckAsync(TlsNames.SelfSignedCertType, aki);

        // Assert
        Assert.Equal([new CheckFailure("subject", "must contain at least one attribute when isCaCertificate is true (RFC 5280 §4.1.2.6)")], caResult.Failures);
        Assert.Equal([new CheckFailure("setAuthorityKeyId", "needs a subject key identifier: set setSubjectKeyId or isCaCertificate to true (was true)")], akiResult.Failures);
    }

    [Fact]
    public async Task CheckLocallySigned_CaKeyOfAnotherCertAndBadRequest_Fails()
    {
        // Arrange
        var (_, _, caKey) = await _kit.CreateKeyAsync("ECDSA", "P256", name: "ca-key");
        var (_, _, otherKey) = await _kit.CreateKeyAsync("ECDSA", "P256", name: "other-key");
        var (_, _, ca) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, TlsTestKit.CaInputs(TlsTestKit.Plain(caKey, "privateKeyPem")), "ca");
        var inputs = TlsTestKit.Map(
            ("certRequestPem", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
            ("caPrivateKeyPem", TlsTestKit.Secret(TlsTestKit.Plain(otherKey, "privateKeyPem"))),
            ("caCertPem", TlsTestKit.Plain(ca, "certPem")),
            ("validityPeriodHours", 1),
            ("allowedUses", new[] { "server_auth" }));

        // Act
        var result = await _kit.CheckAsync(TlsNames.LocallySignedCertType, inputs);

        // Assert
        Assert.Equal(
            [
                new CheckFailure("caPrivateKeyPem", "must be the private key of caCertPem (their public keys differ)"),
                new CheckFailure("certRequestPem", "must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----) with a valid signature"),
            ],
            result.Failures);
    }

    [Fact]
    public async Task Check_UnknownInputsInPreview_AreNotJudged()
    {
        // Arrange
        var inputs = TlsTestKit.Map(
            ("privateKeyPem", PropertyValue.CreateSecret(PropertyValue.Unknown)),
            ("validityPeriodHours", 1),
            ("allowedUses", new[] { "server_auth" }));

        // Act
        var result = await _kit.CheckAsync(TlsNames.SelfSignedCertType, inputs);
        var created = await _kit.Provider.CreateAsync(
            new CreateRequest { Urn = TlsTestKit.Urn(TlsNames.SelfSignedCertType, "r"), Inputs = result.Inputs, Preview = true },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Failures);
        Assert.Null(created.Id);
        Assert.Equal(PropertyValue.Unknown, created.Outputs["certPem"]);
        Assert.Equal(PropertyValueKind.Secret, created.Outputs["privateKeyPem"].Kind);
    }

    public void Dispose() => _openssl.Dispose();
}
