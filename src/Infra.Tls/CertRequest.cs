using System.Collections.Immutable;

namespace Infra.Tls;

/// <summary>A PKCS#10 certificate signing request (<c>tls:index/certRequest:CertRequest</c>). Deleting it only removes it from state.</summary>
public sealed class CertRequest : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "tls:index/certRequest:CertRequest";

    /// <summary>Registers a certificate request.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options (not modified).</param>
    public CertRequest(string name, CertRequestArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, TlsResourceOptions.WithSecretOutputs(options, "privateKeyPem"), TlsPackage.Version)
    {
        PrivateKeyPem = Output.CreateSecret(PrivateKeyPem);
    }

    /// <summary>The request in PEM (<c>CERTIFICATE REQUEST</c>), ending in a newline.</summary>
    [Output("certRequestPem")]
    public Output<string> CertRequestPem { get; private set; } = null!;

    /// <summary>The algorithm of the private key.</summary>
    [Output("keyAlgorithm")]
    public Output<string> KeyAlgorithm { get; private set; } = null!;

    /// <summary>The private key PEM. Secret.</summary>
    [Output("privateKeyPem")]
    public Output<string> PrivateKeyPem { get; private set; } = null!;

    /// <summary>The subject, when one was given.</summary>
    [Output("subject")]
    public Output<CertificateSubject?> Subject { get; private set; } = null!;

    /// <summary>DNS names.</summary>
    [Output("dnsNames")]
    public Output<ImmutableArray<string>> DnsNames { get; private set; } = null!;

    /// <summary>IP addresses.</summary>
    [Output("ipAddresses")]
    public Output<ImmutableArray<string>> IpAddresses { get; private set; } = null!;

    /// <summary>URIs.</summary>
    [Output("uris")]
    public Output<ImmutableArray<string>> Uris { get; private set; } = null!;
}
