namespace Infra.Engine.Providers.Command;

/// <summary>A public key an ssh-agent holds: its wire blob and the comment it was added with.</summary>
internal sealed record SshAgentIdentity(byte[] KeyBlob, string Comment)
{
    /// <summary>The key type named in the blob (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, <c>ecdsa-sha2-nistp256</c>, …).</summary>
    public string KeyType => SshAgentProtocol.LeadingName(KeyBlob);

    /// <summary>
    /// The signature algorithms to offer for this key, most preferred first, each with its sign-request flags: RSA keys
    /// (and RSA certificates) sign with <c>rsa-sha2-512</c> or <c>rsa-sha2-256</c> (never SHA-1); every other key type
    /// signs with its own name.
    /// </summary>
    public IReadOnlyList<(string Algorithm, uint Flags)> SignatureAlgorithms() => KeyType switch
    {
        "ssh-rsa" => [("rsa-sha2-512", SshAgentProtocol.RsaSha2512), ("rsa-sha2-256", SshAgentProtocol.RsaSha2256)],
        "ssh-rsa-cert-v01@openssh.com" =>
        [
            ("rsa-sha2-512-cert-v01@openssh.com", SshAgentProtocol.RsaSha2512),
            ("rsa-sha2-256-cert-v01@openssh.com", SshAgentProtocol.RsaSha2256),
        ],
        var type => [(type, 0u)],
    };

    /// <summary>The key type and comment (public information).</summary>
    public override string ToString() => $"{KeyType} {Comment}".TrimEnd();
}
