using Infra.Testing;

namespace Infra.Tls.Tests;

/// <summary>Mocks that echo inputs as outputs (plus canned PEM outputs) and record invokes.</summary>
internal sealed class EchoMocks : IMocks
{
    public List<MockCallArgs> Calls { get; } = [];

    public Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args)
    {
        var state = new Dictionary<string, object>(args.Inputs, StringComparer.Ordinal);
        if (args.Type == PrivateKey.TypeToken)
        {
            state["privateKeyPem"] = "-----BEGIN RSA PRIVATE KEY-----\nplain\n-----END RSA PRIVATE KEY-----\n";
            state["privateKeyPemPkcs8"] = "pkcs8";
            state["privateKeyOpenssh"] = "openssh";
            state["publicKeyPem"] = "-----BEGIN PUBLIC KEY-----\npub\n-----END PUBLIC KEY-----\n";
        }

        if (args.Type is SelfSignedCert.TypeToken or LocallySignedCert.TypeToken)
        {
            state["certPem"] = "-----BEGIN CERTIFICATE-----\ncert\n-----END CERTIFICATE-----\n";
            state["readyForRenewal"] = false;
        }

        return Task.FromResult<(string?, object)>((args.Custom ? args.Name + "-id" : null, state));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        Calls.Add(args);
        return Task.FromResult<object>(new Dictionary<string, object>
        {
            ["id"] = "abc",
            ["algorithm"] = "RSA",
            ["publicKeyPem"] = "-----BEGIN PUBLIC KEY-----\npub\n-----END PUBLIC KEY-----\n",
            ["publicKeyOpenssh"] = "ssh-rsa AAAA\n",
        });
    }
}
