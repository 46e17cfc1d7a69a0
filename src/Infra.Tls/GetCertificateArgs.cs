namespace Infra.Tls;

/// <summary>Arguments of <see cref="TlsFunctions.GetCertificate"/>: one of <see cref="Content"/> or <see cref="Url"/>.</summary>
public sealed class GetCertificateArgs : InvokeArgs
{
    /// <summary>One or more PEM certificates (a chain).</summary>
    [Input("content")]
    public Input<string>? Content { get; init; }

    /// <summary>A <c>https://</c> or <c>tls://</c> URL whose presented chain is read (not supported by the built-in engine provider yet).</summary>
    [Input("url")]
    public Input<string>? Url { get; init; }

    /// <summary>Whether to verify the chain read from <see cref="Url"/>.</summary>
    [Input("verifyChain")]
    public Input<bool>? VerifyChain { get; init; }
}
