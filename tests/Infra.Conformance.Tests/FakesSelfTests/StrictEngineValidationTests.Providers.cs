using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using static Infra.Conformance.Tests.FakesSelfTests.ViolationAssert;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Provider references (§7.4).</summary>
public sealed partial class StrictEngineValidationTests
{
    [Fact]
    public async Task RegisterResource_ProviderWithoutIdPart_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = "provider-p";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: must be '<providerURN>::<providerID>' (was 'provider-p')");
    }

    [Fact]
    public async Task RegisterResource_ProviderUrnOnly_IsRejectedBecauseTheLastSeparatorSplitsTheUrn()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = ProviderUrn;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: the part before the last '::' must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{ProviderUrn}')");
    }

    [Fact]
    public async Task RegisterResource_UnregisteredProvider_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = "urn:pulumi:dev::proj::pulumi:providers:random::q::" + WireConstants.UnknownStringSentinel;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: the part before the last '::' must be the URN of an already registered provider (was '{request.Provider}')");
    }

    [Fact]
    public async Task RegisterResource_ProviderReferenceToNonProvider_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = ExistingUrn + "::abc";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: must reference a provider resource (type pulumi:providers:<pkg>) (was '{ExistingUrn}::abc')");
    }

    [Fact]
    public async Task RegisterResource_ProviderWithEmptyId_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = ProviderUrn + "::";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} provider: the ID part must be the provider's ID or the unknown sentinel, never empty (was '{ProviderUrn}::')");
    }

    [Fact]
    public async Task RegisterResource_ProviderWithWrongId_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync(new StrictEngineOptions { IsPreview = false });
        var request = probe.Request();
        request.Provider = ProviderUrn + "::not-the-id";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} provider: the ID part must be the provider's ID '{probe.Provider.Id}' or the unknown sentinel (was '{ProviderUrn}::not-the-id')");
    }

    [Fact]
    public async Task RegisterResource_ProviderOfAnotherPackage_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.CustomRequest("tls:index:PrivateKey", "key");
        request.Provider = probe.ProviderReference;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"RegisterResource [tls:index:PrivateKey::key] provider: must reference a provider of package 'tls' (was '{probe.ProviderReference}')");
    }

    [Fact]
    public async Task RegisterResource_ProvidersMapEntryMalformed_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("my:comp:Web", "web");
        request.Providers["random"] = "p";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, "RegisterResource [my:comp:Web::web] providers[random]: must be '<providerURN>::<providerID>' (was 'p')");
    }

    [Fact]
    public async Task RegisterResource_ProviderResourceNotCustom_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("pulumi:providers:tls", "tls");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, "RegisterResource [pulumi:providers:tls::tls] custom: provider resources must be registered with custom=true (was false)");
    }
}
