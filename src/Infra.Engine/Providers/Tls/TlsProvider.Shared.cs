using System.Collections.Immutable;
using System.Globalization;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary>Helpers shared by the resource types: keys, secrets, replacement rules, value access.</summary>
internal sealed partial class TlsProvider
{
    private const string ReadyForRenewalKey = "readyForRenewal";
    private const string ValidityEndTimeKey = "validityEndTime";
    private const string ValidityStartTimeKey = "validityStartTime";
    private const string EarlyRenewalHoursKey = "earlyRenewalHours";
    private const string PrivateKeyPemKey = "privateKeyPem";
    private const string CaPrivateKeyPemKey = "caPrivateKeyPem";
    private const string CertPemKey = "certPem";

    private static readonly ImmutableArray<string> PrivateKeySecrets = ["privateKeyOpenssh", PrivateKeyPemKey, "privateKeyPemPkcs8"];

    private static bool IsCertificate(string type) => type is TlsNames.SelfSignedCertType or TlsNames.LocallySignedCertType;

    /// <summary>The outputs that are secret for <paramref name="type"/>.</summary>
    private static ImmutableArray<string> SecretOutputsOf(string type) => type switch
    {
        TlsNames.PrivateKeyType => PrivateKeySecrets,
        TlsNames.SelfSignedCertType or TlsNames.CertRequestType => [PrivateKeyPemKey],
        TlsNames.LocallySignedCertType => [CaPrivateKeyPemKey],
        _ => [],
    };

    /// <summary>Wraps every secret output of <paramref name="type"/> present in <paramref name="outputs"/>.</summary>
    private static ImmutableSortedDictionary<string, PropertyValue> ProtectSecrets(string type, ImmutableSortedDictionary<string, PropertyValue> outputs)
    {
        foreach (var key in SecretOutputsOf(type))
        {
            if (outputs.TryGetValue(key, out var value))
            {
                outputs = outputs.SetItem(key, PropertyValue.CreateSecret(value));
            }
        }

        return outputs;
    }

    /// <summary>
    /// Whether a change of <paramref name="key"/> forces a replacement: everything but earlyRenewalHours, and the
    /// PEM inputs of certificates only when the old state held a real PEM (older states kept a hash).
    /// </summary>
    private static bool ForcesReplacement(string type, string key, ImmutableSortedDictionary<string, PropertyValue> oldInputs)
    {
        if (type == TlsNames.PrivateKeyType || type == TlsNames.CertRequestType)
        {
            return true;
        }

        if (key == EarlyRenewalHoursKey)
        {
            return false;
        }

        var isPemInput = key is PrivateKeyPemKey or CaPrivateKeyPemKey or "caCertPem" or "certRequestPem";
        return !isPemInput || (StringOf(oldInputs, key)?.Contains("-----BEGIN", StringComparison.Ordinal) ?? false);
    }

    /// <summary>Whether the recorded certificate is past validityEndTime − earlyRenewalHours (the new value of the window).</summary>
    private bool CertificateReadyForRenewal(
        ImmutableSortedDictionary<string, PropertyValue> oldOutputs,
        ImmutableSortedDictionary<string, PropertyValue> newInputs,
        ImmutableSortedDictionary<string, PropertyValue> oldInputs)
    {
        if (!oldOutputs.ContainsKey(ValidityEndTimeKey))
        {
            return false;
        }

        var early = IntegerOf(newInputs, EarlyRenewalHoursKey) ?? IntegerOf(oldInputs, EarlyRenewalHoursKey) ?? 0;
        return TlsRenewal.IsReady(StringOf(oldOutputs, ValidityEndTimeKey), early, Now);
    }

    /// <summary>The sentence a preview shows for a renewal: when the certificate expires and the window it is in.</summary>
    private string RenewalReason(
        ImmutableSortedDictionary<string, PropertyValue> oldOutputs,
        ImmutableSortedDictionary<string, PropertyValue> newInputs,
        ImmutableSortedDictionary<string, PropertyValue> oldInputs)
    {
        var end = StringOf(oldOutputs, ValidityEndTimeKey) ?? "an unknown time";
        var early = IntegerOf(newInputs, EarlyRenewalHoursKey) ?? IntegerOf(oldInputs, EarlyRenewalHoursKey) ?? 0;
        var expired = DateTimeOffset.TryParse(end, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var endTime)
            && endTime <= Now;
        return expired
            ? $"the certificate expired at {end}; it is replaced by a new one"
            : $"the certificate expires at {end}, inside its early renewal window (earlyRenewalHours {early}); it is replaced by a new one";
    }

    /// <summary>Top-level changes, comparing values without their secret envelopes.</summary>
    private static ImmutableSortedDictionary<string, PropertyDiffKind> Compare(
        IReadOnlyDictionary<string, PropertyValue> olds,
        IReadOnlyDictionary<string, PropertyValue> news) =>
        PropertyMaps.Compare(
            olds.Where(p => !p.Value.WithoutSecrets().IsNull).ToDictionary(p => p.Key, p => p.Value.WithoutSecrets(), StringComparer.Ordinal),
            news.Where(p => !p.Value.WithoutSecrets().IsNull).ToDictionary(p => p.Key, p => p.Value.WithoutSecrets(), StringComparer.Ordinal));

    private static PropertyDiffKind ToReplace(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => PropertyDiffKind.AddReplace,
        PropertyDiffKind.Delete => PropertyDiffKind.DeleteReplace,
        _ => PropertyDiffKind.UpdateReplace,
    };

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> when it is absent or null (never over an unknown).</summary>
    private static ImmutableSortedDictionary<string, PropertyValue> WithDefault(
        ImmutableSortedDictionary<string, PropertyValue> inputs, string key, PropertyValue value) =>
        inputs.TryGetValue(key, out var existing) && !existing.WithoutSecrets().IsNull ? inputs : inputs.SetItem(key, value);

    private static string? StringOf(ImmutableSortedDictionary<string, PropertyValue> map, string key) =>
        map.TryGetValue(key, out var value) && value.WithoutSecrets() is { Kind: PropertyValueKind.String } plain ? plain.StringValue : null;

    private static long? IntegerOf(ImmutableSortedDictionary<string, PropertyValue> map, string key) =>
        map.TryGetValue(key, out var value) && value.WithoutSecrets() is { Kind: PropertyValueKind.Number } plain ? (long)plain.NumberValue : null;

    private static PropertyValue Secret(string value) => PropertyValue.CreateSecret(PropertyValue.Create(value));

    private static PropertyValue SecretUnknown => PropertyValue.CreateSecret(PropertyValue.Unknown);

    /// <summary>Fails a Create whose inputs did not pass Check (the engine checks first, so this means a caller bypassed it).</summary>
    private static void ThrowIfInvalid(string what, TlsInputs inputs)
    {
        if (!inputs.Failures.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Create of {what} got invalid inputs: " + string.Join("; ", inputs.Failures.Select(f => $"{f.Property}: {f.Reason}")));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
