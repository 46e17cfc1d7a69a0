using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Tls;
using Infra.Protocol.Values;

namespace Infra.Tls.Tests.Engine;

/// <summary>Renewal and the update/replace rules of certificates, with a fake clock.</summary>
public sealed class TlsProviderRenewalTests
{
    private readonly TlsTestKit _kit = new();

    [Fact]
    public async Task Diff_InsideEarlyRenewalWindow_PlansReplacementOnReadyForRenewal()
    {
        // Arrange: valid 48 h, renew 12 h early
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 48, earlyRenewalHours: 12);

        // Act: just before the window, then inside it
        _kit.Clock.Advance(TimeSpan.FromHours(35));
        var before = await DiffAsync(inputs, outputs, inputs, id);
        _kit.Clock.Advance(TimeSpan.FromHours(1));
        var inside = await DiffAsync(inputs, outputs, inputs, id);

        // Assert
        Assert.Equal(DiffChanges.None, before.Changes);
        Assert.Equal(DiffChanges.Some, inside.Changes);
        Assert.Equal(["readyForRenewal"], inside.ReplaceKeys);
        Assert.Equal(new PropertyDiff(PropertyDiffKind.UpdateReplace, InputDiff: false), inside.DetailedDiff["readyForRenewal"]);
        Assert.False(inside.DeleteBeforeReplace);
    }

    [Fact]
    public async Task Diff_PastExpiry_PlansReplacement()
    {
        // Arrange
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 1, earlyRenewalHours: 0);

        // Act
        _kit.Clock.Advance(TimeSpan.FromHours(2));
        var diff = await DiffAsync(inputs, outputs, inputs, id);

        // Assert
        Assert.Equal(["readyForRenewal"], diff.ReplaceKeys);
    }

    [Fact]
    public async Task Read_InsideWindow_FlipsReadyForRenewal()
    {
        // Arrange
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 48, earlyRenewalHours: 12);
        var urn = TlsTestKit.Urn(TlsNames.SelfSignedCertType, "server");

        // Act
        var early = await _kit.Provider.ReadAsync(new ReadRequest { Urn = urn, Id = id, Inputs = inputs, State = outputs }, TestContext.Current.CancellationToken);
        _kit.Clock.Advance(TimeSpan.FromHours(37));
        var late = await _kit.Provider.ReadAsync(new ReadRequest { Urn = urn, Id = id, Inputs = inputs, State = outputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PropertyValue.False, early.Outputs!["readyForRenewal"]);
        Assert.Equal(PropertyValue.True, late.Outputs!["readyForRenewal"]);
        Assert.Equal(outputs["certPem"], late.Outputs["certPem"]);
        Assert.Equal(PropertyValueKind.Secret, late.Outputs["privateKeyPem"].Kind);
    }

    [Fact]
    public async Task DiffAndUpdate_EarlyRenewalHoursOnly_IsAnInPlaceStateUpdate()
    {
        // Arrange
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 48, earlyRenewalHours: 0);
        var news = inputs.SetItem("earlyRenewalHours", PropertyValue.Create(6));
        var urn = TlsTestKit.Urn(TlsNames.SelfSignedCertType, "server");

        // Act
        var diff = await DiffAsync(inputs, outputs, news, id);
        var updated = await _kit.Provider.UpdateAsync(
            new UpdateRequest { Urn = urn, Id = id, OldInputs = inputs, OldOutputs = outputs, NewInputs = news },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DiffChanges.Some, diff.Changes);
        Assert.Empty(diff.ReplaceKeys);
        Assert.Equal(["earlyRenewalHours"], diff.ChangedKeys);
        Assert.Equal(PropertyDiffKind.Update, diff.DetailedDiff["earlyRenewalHours"].Kind);
        Assert.Equal(PropertyValue.Create(6), updated.Outputs["earlyRenewalHours"]);
        Assert.Equal(outputs["certPem"], updated.Outputs["certPem"]);
        Assert.Equal(PropertyValueKind.Secret, updated.Outputs["privateKeyPem"].Kind);
    }

    [Fact]
    public async Task Diff_EarlyRenewalHoursRaisedIntoWindow_PlansReplacement()
    {
        // Arrange
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 48, earlyRenewalHours: 0);
        _kit.Clock.Advance(TimeSpan.FromHours(40));

        // Act
        var diff = await DiffAsync(inputs, outputs, inputs.SetItem("earlyRenewalHours", PropertyValue.Create(10)), id);

        // Assert
        Assert.Equal(["readyForRenewal"], diff.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.Update, diff.DetailedDiff["earlyRenewalHours"].Kind);
    }

    [Theory]
    [InlineData("validityPeriodHours")]
    [InlineData("allowedUses")]
    [InlineData("dnsNames")]
    [InlineData("isCaCertificate")]
    public async Task Diff_OtherInputChange_ForcesReplacementOfThatKey(string key)
    {
        // Arrange
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 48, earlyRenewalHours: 0);
        var changed = key switch
        {
            "validityPeriodHours" => PropertyValue.Create(72),
            "allowedUses" => TlsTestKit.Value(new[] { "client_auth" }),
            "dnsNames" => TlsTestKit.Value(new[] { "other.lab" }),
            _ => PropertyValue.True,
        };

        // Act
        var diff = await DiffAsync(inputs, outputs, inputs.SetItem(key, changed), id);

        // Assert
        Assert.Equal([key], diff.ReplaceKeys);
        Assert.True(diff.DetailedDiff[key].IsReplace);
    }

    [Fact]
    public async Task Diff_PrivateKeyPemChanged_ReplacesOnlyWhenOldStateHeldAPem()
    {
        // Arrange
        var (inputs, id, outputs) = await CreateServerCertAsync(validityHours: 48, earlyRenewalHours: 0);
        var (_, _, other) = await _kit.CreateKeyAsync("ECDSA", "P256", name: "other");
        var newPem = other["privateKeyPem"];
        var legacy = inputs.SetItem("privateKeyPem", TlsTestKit.Secret("3f786850e387550fdab836ed7e6dc881de23001b"));

        // Act
        var fromPem = await DiffAsync(inputs, outputs, inputs.SetItem("privateKeyPem", newPem), id);
        var fromHash = await DiffAsync(legacy, outputs, inputs, id);

        // Assert
        Assert.Equal(["privateKeyPem"], fromPem.ReplaceKeys);
        Assert.Empty(fromHash.ReplaceKeys);
        Assert.Equal(PropertyDiffKind.Update, fromHash.DetailedDiff["privateKeyPem"].Kind);
    }

    [Fact]
    public async Task Diff_LocallySignedRenewal_PlansReplacement()
    {
        // Arrange
        var (_, _, caKey) = await _kit.CreateKeyAsync("RSA", name: "ca-key");
        var (_, _, ca) = await _kit.CreateAsync(TlsNames.SelfSignedCertType, TlsTestKit.CaInputs(TlsTestKit.Plain(caKey, "privateKeyPem")), "ca");
        var (_, _, csr) = await _kit.CreateAsync(TlsNames.CertRequestType, TlsTestKit.Map(
            ("privateKeyPem", caKey["privateKeyPem"]), ("subject", TlsTestKit.Map(("commonName", "leaf")))), "csr");
        var (inputs, id, outputs) = await _kit.CreateAsync(TlsNames.LocallySignedCertType, TlsTestKit.Map(
            ("certRequestPem", TlsTestKit.Plain(csr, "certRequestPem")),
            ("caPrivateKeyPem", caKey["privateKeyPem"]),
            ("caCertPem", TlsTestKit.Plain(ca, "certPem")),
            ("validityPeriodHours", 24),
            ("earlyRenewalHours", 4),
            ("allowedUses", new[] { "server_auth" })), "leaf");
        _kit.Clock.Advance(TimeSpan.FromHours(21));

        // Act
        var diff = await _kit.Provider.DiffAsync(
            new DiffRequest { Urn = TlsTestKit.Urn(TlsNames.LocallySignedCertType, "leaf"), Id = id, OldInputs = inputs, OldOutputs = outputs, NewInputs = inputs },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["readyForRenewal"], diff.ReplaceKeys);
    }

    private async Task<(ImmutableSortedDictionary<string, PropertyValue> Inputs, string Id, ImmutableSortedDictionary<string, PropertyValue> Outputs)> CreateServerCertAsync(
        int validityHours, int earlyRenewalHours)
    {
        var (_, _, key) = await _kit.CreateKeyAsync("ECDSA", "P256");
        return await _kit.CreateAsync(TlsNames.SelfSignedCertType, TlsTestKit.Map(
            ("privateKeyPem", key["privateKeyPem"]),
            ("validityPeriodHours", validityHours),
            ("earlyRenewalHours", earlyRenewalHours),
            ("allowedUses", new[] { "server_auth" }),
            ("dnsNames", new[] { "vault.lab" })), "server");
    }

    private Task<DiffResult> DiffAsync(
        ImmutableSortedDictionary<string, PropertyValue> olds,
        ImmutableSortedDictionary<string, PropertyValue> outputs,
        ImmutableSortedDictionary<string, PropertyValue> news,
        string id) =>
        _kit.Provider.DiffAsync(
            new DiffRequest { Urn = TlsTestKit.Urn(TlsNames.SelfSignedCertType, "server"), Id = id, OldInputs = olds, OldOutputs = outputs, NewInputs = news },
            TestContext.Current.CancellationToken);
}
