using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Tls;
using Infra.Protocol.Values;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tls.Tests.Engine;

/// <summary>Builds requests for <see cref="TlsProvider"/> and runs Check + Create the way the engine does.</summary>
internal sealed class TlsTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>One hour after <see cref="Start"/> as epoch seconds, for <c>openssl verify -attime</c>.</summary>
    public const string AtTime = "1795698000";

    public TlsTestKit()
    {
        Provider = new TlsProvider(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public TlsProvider Provider { get; }

    public static string Urn(string type, string name) => $"urn:pulumi:dev::proj::{type}::{name}";

    public static ImmutableSortedDictionary<string, PropertyValue> Map(params (string Key, object? Value)[] members) =>
        PropertyMaps.Create(members.Select(m => KeyValuePair.Create(m.Key, Value(m.Value))));

    public static PropertyValue Value(object? value) => value switch
    {
        null => PropertyValue.Null,
        PropertyValue v => v,
        string s => PropertyValue.Create(s),
        bool b => PropertyValue.Create(b),
        int i => PropertyValue.Create(i),
        long l => PropertyValue.Create(l),
        double d => PropertyValue.Create(d),
        string[] items => PropertyValue.CreateArray(items.Select(PropertyValue.Create)),
        ImmutableSortedDictionary<string, PropertyValue> map => PropertyValue.CreateObject(map),
        _ => throw new ArgumentException($"unsupported test value {value.GetType()}", nameof(value)),
    };

    public static PropertyValue Secret(string value) => PropertyValue.CreateSecret(PropertyValue.Create(value));

    public static string Plain(ImmutableSortedDictionary<string, PropertyValue> map, string key) => map[key].WithoutSecrets().StringValue;

    public async Task<CheckResult> CheckAsync(string type, ImmutableSortedDictionary<string, PropertyValue> inputs, string name = "r") =>
        await Provider.CheckAsync(new CheckRequest { Urn = Urn(type, name), Olds = PropertyMaps.Empty, News = inputs }, TestContext.Current.CancellationToken);

    /// <summary>Checks (asserting no failures) and creates; returns the checked inputs, ID and outputs.</summary>
    public async Task<(ImmutableSortedDictionary<string, PropertyValue> Inputs, string Id, ImmutableSortedDictionary<string, PropertyValue> Outputs)> CreateAsync(
        string type, ImmutableSortedDictionary<string, PropertyValue> inputs, string name = "r")
    {
        var check = await CheckAsync(type, inputs, name);
        Assert.Empty(check.Failures);
        var created = await Provider.CreateAsync(new CreateRequest { Urn = Urn(type, name), Inputs = check.Inputs }, TestContext.Current.CancellationToken);
        Assert.NotNull(created.Id);
        return (check.Inputs, created.Id, created.Outputs);
    }

    public Task<(ImmutableSortedDictionary<string, PropertyValue> Inputs, string Id, ImmutableSortedDictionary<string, PropertyValue> Outputs)> CreateKeyAsync(
        string algorithm = "RSA", string? curve = null, int? rsaBits = null, string name = "key")
    {
        var inputs = Map(("algorithm", algorithm));
        if (curve is not null)
        {
            inputs = inputs.SetItem("ecdsaCurve", PropertyValue.Create(curve));
        }

        if (rsaBits is not null)
        {
            inputs = inputs.SetItem("rsaBits", PropertyValue.Create(rsaBits.Value));
        }

        return CreateAsync(TlsNames.PrivateKeyType, inputs, name);
    }

    /// <summary>Inputs of a CA certificate for <paramref name="keyPem"/>.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> CaInputs(string keyPem) => Map(
        ("privateKeyPem", Secret(keyPem)),
        ("validityPeriodHours", 87600),
        ("allowedUses", new[] { "cert_signing", "crl_signing", "digital_signature" }),
        ("isCaCertificate", true),
        ("subject", Map(("commonName", "Homelab Root CA"), ("organization", "Homelab"))));
}
