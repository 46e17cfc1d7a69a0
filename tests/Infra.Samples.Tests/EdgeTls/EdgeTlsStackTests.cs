using System.Collections.Immutable;
using EdgeTls;
using Infra;
using Infra.Protocol.Values;
using Infra.Testing;
using Moq;

namespace Infra.Samples.Tests.EdgeTls;

/// <summary>samples/EdgeTls under mocks: the graph, the wiring between resources and what stays secret.</summary>
public sealed class EdgeTlsStackTests
{
    /// <summary>Echoes inputs and adds the outputs the providers compute (keys, certificates, command output).</summary>
    private static Mock<IMocks> Mocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => ($"{args.Name}-id", (object)Outputs(args)));
        return mocks;
    }

    private static Dictionary<string, object> Outputs(MockResourceArgs args)
    {
        var outputs = new Dictionary<string, object>(args.Inputs, StringComparer.Ordinal);
        switch (args.Type)
        {
            case "tls:index/privateKey:PrivateKey":
                outputs["privateKeyPem"] = $"-----BEGIN PRIVATE KEY-----\n{args.Name}\n-----END PRIVATE KEY-----\n";
                break;
            case "tls:index/certRequest:CertRequest":
                outputs["certRequestPem"] = $"-----BEGIN CERTIFICATE REQUEST-----\n{args.Name}\n-----END CERTIFICATE REQUEST-----\n";
                break;
            case "tls:index/selfSignedCert:SelfSignedCert" or "tls:index/locallySignedCert:LocallySignedCert":
                outputs["certPem"] = $"-----BEGIN CERTIFICATE-----\n{args.Name}\n-----END CERTIFICATE-----\n";
                outputs["validityEndTime"] = "2027-11-26T00:00:00Z";
                break;
            case "command:local:Command":
                outputs["stdout"] = "/srv/gitops/ca.crt";
                break;
        }

        return outputs;
    }

    private static TestOptions Options(bool preview) => new()
    {
        ProjectName = "edge-tls",
        StackName = "dev",
        IsPreview = preview,
        Config = { ["edge-tls:hostname"] = "app.example.lan", ["edge-tls:replicas"] = "3", ["edge-tls:outputDirectory"] = "/srv/gitops" },
    };

    [Fact]
    public async Task Stack_Preview_RegistersTheCaTheServerCertificateTheManifestsAndThePublishCommand()
    {
        // Act
        var result = await Deployment.TestAsync<EdgeTlsStack>(Mocks().Object, Options(preview: true));

        // Assert
        Assert.Equal(
            [
                "command:local:Command publish-ca",
                "edge:tls:CertificateAuthority homelab-ca",
                "edge:tls:ServerCertificate web",
                "kubernetes:apps/v1:Deployment web",
                "kubernetes:core/v1:Secret web-tls",
                "kubernetes:core/v1:Service web",
                "kubernetes:networking.k8s.io/v1:Ingress web",
                "pulumi:providers:kubernetes gitops",
                "pulumi:pulumi:Stack edge-tls-dev",
                "tls:index/certRequest:CertRequest web-csr",
                "tls:index/locallySignedCert:LocallySignedCert web-cert",
                "tls:index/privateKey:PrivateKey homelab-ca-key",
                "tls:index/privateKey:PrivateKey web-key",
                "tls:index/selfSignedCert:SelfSignedCert homelab-ca-cert",
            ],
            result.Registrations.Select(r => $"{r.Type} {r.Name}").Order(StringComparer.Ordinal));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Stack_Config_FlowsIntoTheCertificateTheDeploymentAndTheRenderDirectory()
    {
        // Act
        var result = await Deployment.TestAsync<EdgeTlsStack>(Mocks().Object, Options(preview: false));

        // Assert
        var csr = result.RegistrationOf("tls:index/certRequest:CertRequest", "web-csr");
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("app.example.lan")]), csr.Inputs["dnsNames"]);
        var deployment = result.RegistrationOf("kubernetes:apps/v1:Deployment", "web");
        Assert.Equal(PropertyValue.Create(3), deployment.Inputs["spec"].ObjectValue["replicas"]);
        var provider = result.RegistrationOf("pulumi:providers:kubernetes", "gitops");
        Assert.Equal(PropertyValue.Create(Path.Combine("/srv/gitops", "manifests")), provider.Inputs["renderYamlToDirectory"]);
        var publish = result.RegistrationOf("command:local:Command", "publish-ca");
        Assert.Contains("/srv/gitops/ca.crt", publish.Inputs["create"].StringValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_KeysAndTheTlsSecret_AreSecretOnTheWireAndTheIngressWaitsForItsBackends()
    {
        // Act
        var result = await Deployment.TestAsync<EdgeTlsStack>(Mocks().Object, Options(preview: false));

        // Assert
        var signed = result.RegistrationOf("tls:index/locallySignedCert:LocallySignedCert", "web-cert");
        Assert.Equal(PropertyValueKind.Secret, signed.Inputs["caPrivateKeyPem"].Kind);
        var secret = result.RegistrationOf("kubernetes:core/v1:Secret", "web-tls");
        Assert.Equal(PropertyValueKind.Secret, secret.Inputs["data"].Kind);
        var ingress = result.RegistrationOf("kubernetes:networking.k8s.io/v1:Ingress", "web");
        Assert.Contains(result.RegistrationOf("kubernetes:core/v1:Service", "web").Urn, ingress.Dependencies);
        Assert.Contains(secret.Urn, ingress.Dependencies);
        Assert.Contains("tls.key", secret.Inputs["data"].SecretValue.ObjectValue.Keys);
        var chained = result.RegistrationOf("tls:index/selfSignedCert:SelfSignedCert", "homelab-ca-cert");
        Assert.Contains(result.RegistrationOf("tls:index/privateKey:PrivateKey", "homelab-ca-key").Urn, chained.Dependencies);
        Assert.True(chained.Inputs["isCaCertificate"].BoolValue);
    }
}
