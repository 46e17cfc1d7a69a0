using System.Security.Cryptography;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// A pinned host key from <c>connection.hostKey</c>: either a public key line (<c>ssh-ed25519 AAAA… [comment]</c>,
/// as in known_hosts/authorized_keys) or an OpenSSH fingerprint (<c>SHA256:…</c>).
/// </summary>
internal sealed record HostKeyPin
{
    private HostKeyPin(string? keyType, string fingerprint)
    {
        KeyType = keyType;
        Fingerprint = fingerprint;
    }

    /// <summary>The key type of a public key line (e.g. <c>ssh-ed25519</c>), null for a bare fingerprint.</summary>
    public string? KeyType { get; }

    /// <summary>The expected <c>SHA256:…</c> fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary>Parses a host key pin; false when the text is neither a public key line nor a SHA256 fingerprint.</summary>
    public static bool TryParse(string text, out HostKeyPin? pin)
    {
        pin = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            var body = trimmed["SHA256:".Length..];
            if (body.Length is < 40 or > 50 || !body.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }

            pin = new HostKeyPin(null, "SHA256:" + body.TrimEnd('='));
            return true;
        }

        var parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("ssh-", StringComparison.Ordinal) && !parts[0].StartsWith("ecdsa-", StringComparison.Ordinal))
        {
            return false;
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            return false;
        }

        pin = new HostKeyPin(parts[0], FingerprintOf(blob));
        return true;
    }

    /// <summary>The OpenSSH <c>SHA256:…</c> fingerprint of a public key blob.</summary>
    public static string FingerprintOf(byte[] keyBlob) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>Whether a host key algorithm name (as negotiated) can present a key of <see cref="KeyType"/>.</summary>
    public bool Accepts(string algorithm) => KeyType switch
    {
        null => true,
        "ssh-rsa" => algorithm is "ssh-rsa" or "rsa-sha2-256" or "rsa-sha2-512",
        _ => algorithm == KeyType,
    };
}
