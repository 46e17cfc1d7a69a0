namespace Infra.Tls;

/// <summary>Arguments of <see cref="TlsFunctions.GetPublicKey"/>: exactly one of the two private key forms.</summary>
public sealed class GetPublicKeyArgs : InvokeArgs
{
    private readonly Input<string>? _privateKeyPem;
    private readonly Input<string>? _privateKeyOpenssh;

    /// <summary>A private key in PEM (PKCS#1, SEC 1 or PKCS#8). Sent as a secret.</summary>
    [Input("privateKeyPem")]
    public Input<string>? PrivateKeyPem
    {
        get => _privateKeyPem;
        init => _privateKeyPem = SecretInput.Wrap(value);
    }

    /// <summary>A private key in OpenSSH PEM. Sent as a secret.</summary>
    [Input("privateKeyOpenssh")]
    public Input<string>? PrivateKeyOpenssh
    {
        get => _privateKeyOpenssh;
        init => _privateKeyOpenssh = SecretInput.Wrap(value);
    }
}
