namespace Infra.Tls;

/// <summary>The functions (invokes) of the tls provider, pinned to <see cref="TlsPackage.Version"/> unless the options set a version.</summary>
public static class TlsFunctions
{
    /// <summary>The token of <see cref="GetPublicKey"/>.</summary>
    public const string GetPublicKeyToken = "tls:index/getPublicKey:getPublicKey";

    /// <summary>The token of <see cref="GetCertificate"/>.</summary>
    public const string GetCertificateToken = "tls:index/getCertificate:getCertificate";

    /// <summary>Derives the public key (PEM, OpenSSH, fingerprints) of a private key. The result is secret because the key is.</summary>
    /// <param name="args">The private key, in PEM or OpenSSH form.</param>
    /// <param name="options">The invoke options (not modified).</param>
    public static Output<GetPublicKeyResult> GetPublicKey(GetPublicKeyArgs args, InvokeOptions? options = null) =>
        Deployment.Invoke<GetPublicKeyResult>(GetPublicKeyToken, args, Pinned(options));

    /// <summary>Plain-value form of <see cref="GetPublicKey"/>; fails during preview when an argument is unknown.</summary>
    /// <param name="args">The private key, in PEM or OpenSSH form.</param>
    /// <param name="options">The invoke options (not modified).</param>
    public static Task<GetPublicKeyResult> GetPublicKeyAsync(GetPublicKeyArgs args, InvokeOptions? options = null) =>
        Deployment.InvokeAsync<GetPublicKeyResult>(GetPublicKeyToken, args, Pinned(options));

    /// <summary>Describes the certificates in PEM content.</summary>
    /// <param name="args">The content (or URL).</param>
    /// <param name="options">The invoke options (not modified).</param>
    public static Output<GetCertificateResult> GetCertificate(GetCertificateArgs args, InvokeOptions? options = null) =>
        Deployment.Invoke<GetCertificateResult>(GetCertificateToken, args, Pinned(options));

    /// <summary>Plain-value form of <see cref="GetCertificate"/>; fails during preview when an argument is unknown.</summary>
    /// <param name="args">The content (or URL).</param>
    /// <param name="options">The invoke options (not modified).</param>
    public static Task<GetCertificateResult> GetCertificateAsync(GetCertificateArgs args, InvokeOptions? options = null) =>
        Deployment.InvokeAsync<GetCertificateResult>(GetCertificateToken, args, Pinned(options));

    /// <summary>A copy of <paramref name="options"/> with the version pinned to <see cref="TlsPackage.Version"/> unless it sets one.</summary>
    internal static InvokeOptions Pinned(InvokeOptions? options) => new()
    {
        Parent = options?.Parent,
        Provider = options?.Provider,
        PluginDownloadUrl = options?.PluginDownloadUrl,
        Version = options?.Version ?? TlsPackage.Version,
    };
}
