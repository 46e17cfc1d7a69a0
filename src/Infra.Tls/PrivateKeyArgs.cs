namespace Infra.Tls;

/// <summary>Inputs of a <see cref="PrivateKey"/>. Every input forces a new key when it changes.</summary>
public sealed class PrivateKeyArgs : ResourceArgs
{
    /// <summary>The key algorithm.</summary>
    [Input("algorithm")]
    public required Input<PrivateKeyAlgorithm> Algorithm { get; init; }

    /// <summary>The RSA modulus size in bits (RSA only).</summary>
    /// <value>The default is 2048.</value>
    [Input("rsaBits")]
    public Input<int>? RsaBits { get; init; }

    /// <summary>The curve (ECDSA only).</summary>
    /// <value>The default is <see cref="Tls.EcdsaCurve.P224"/>, for which the OpenSSH outputs are empty.</value>
    [Input("ecdsaCurve")]
    public Input<EcdsaCurve>? EcdsaCurve { get; init; }
}
