using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary><c>tls:index/privateKey:PrivateKey</c>: generated keys with every encoding the real provider outputs.</summary>
internal sealed partial class TlsProvider
{
    private const int DefaultRsaBits = 2048;
    private const string DefaultCurve = "P224";

    private static CheckResult CheckPrivateKey(ImmutableSortedDictionary<string, PropertyValue> news)
    {
        var inputs = new TlsInputs(news);
        ReadPrivateKeySettings(inputs);
        var filled = WithDefault(news, "rsaBits", PropertyValue.Create(DefaultRsaBits));
        filled = WithDefault(filled, "ecdsaCurve", PropertyValue.Create(DefaultCurve));
        return new CheckResult { Inputs = filled, Failures = inputs.Failures };
    }

    private static (string? Algorithm, int RsaBits, string Curve) ReadPrivateKeySettings(TlsInputs inputs)
    {
        var algorithm = inputs.String("algorithm", required: true);
        if (algorithm is not null && !TlsNames.Algorithms.Contains(algorithm))
        {
            inputs.Fail("algorithm", $"must be one of {string.Join(", ", TlsNames.Algorithms)} (was \"{algorithm}\")");
            algorithm = null;
        }

        var rsaBits = DefaultRsaBits;
        if (algorithm == TlsNames.Rsa)
        {
            var bits = inputs.Integer("rsaBits", minimum: 1024, fallback: DefaultRsaBits, maximum: 16384);
            if (bits is { } b && b % 8 != 0)
            {
                inputs.Fail("rsaBits", $"must be a multiple of 8 (was {b})");
            }

            rsaBits = (int)(bits ?? DefaultRsaBits);
        }

        var curve = inputs.String("ecdsaCurve") ?? DefaultCurve;
        if (!TlsNames.Curves.Contains(curve))
        {
            inputs.Fail("ecdsaCurve", $"must be one of {string.Join(", ", TlsNames.Curves)} (was \"{curve}\")");
            curve = DefaultCurve;
        }

        return (algorithm, rsaBits, curve);
    }

    private static CreateResult CreatePrivateKey(ImmutableSortedDictionary<string, PropertyValue> inputs, bool preview)
    {
        var reader = new TlsInputs(inputs);
        var (algorithm, rsaBits, curve) = ReadPrivateKeySettings(reader);
        var outputs = WithDefault(WithDefault(inputs, "rsaBits", PropertyValue.Create(rsaBits)), "ecdsaCurve", PropertyValue.Create(curve));
        if (preview)
        {
            foreach (var name in PrivateKeySecrets)
            {
                outputs = outputs.SetItem(name, SecretUnknown);
            }

            foreach (var name in new[] { "publicKeyPem", "publicKeyOpenssh", "publicKeyFingerprintMd5", "publicKeyFingerprintSha256" })
            {
                outputs = outputs.SetItem(name, PropertyValue.Unknown);
            }

            return new CreateResult { Id = null, Outputs = outputs };
        }

        ThrowIfInvalid("a tls private key", reader);
        using var key = TlsKey.Generate(algorithm!, rsaBits, curve);
        return new CreateResult { Id = key.Id, Outputs = KeyOutputs(outputs, key) };
    }

    /// <summary>Adds the key's encodings to <paramref name="outputs"/> (private forms secret).</summary>
    private static ImmutableSortedDictionary<string, PropertyValue> KeyOutputs(ImmutableSortedDictionary<string, PropertyValue> outputs, TlsKey key) =>
        outputs
            .SetItem(PrivateKeyPemKey, Secret(key.PrivateKeyPem))
            .SetItem("privateKeyPemPkcs8", Secret(key.PrivateKeyPemPkcs8))
            .SetItem("privateKeyOpenssh", Secret(key.PrivateKeyOpenSsh))
            .SetItem("publicKeyPem", PropertyValue.Create(key.PublicKeyPem))
            .SetItem("publicKeyOpenssh", PropertyValue.Create(key.PublicKeyOpenSsh))
            .SetItem("publicKeyFingerprintMd5", PropertyValue.Create(key.FingerprintMd5))
            .SetItem("publicKeyFingerprintSha256", PropertyValue.Create(key.FingerprintSha256));
}
