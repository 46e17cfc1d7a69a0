using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using static Infra.Conformance.Tests.FakesSelfTests.ViolationAssert;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Versions, flags and custom timeouts.</summary>
public sealed partial class StrictEngineValidationTests
{
    [Theory]
    [InlineData("v4.18.1")]
    [InlineData("4.18")]
    [InlineData("04.1.0")]
    [InlineData("4.18.1\n")]
    public async Task RegisterResource_VersionNotStrictSemver_IsRejected(string version)
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Version = version;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} version: must be strict semver without a leading 'v' (e.g. '4.18.1') (was '{version}')");
    }

    [Fact]
    public async Task RegisterResource_AcceptSecretsFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.AcceptSecrets = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} acceptSecrets: must be true (otherwise secret outputs come back unwrapped) (was false)");
    }

    [Fact]
    public async Task RegisterResource_SupportsPartialValuesFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.SupportsPartialValues = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} supportsPartialValues: must be true (otherwise top-level outputs containing unknowns are dropped) (was false)");
    }

    [Fact]
    public async Task RegisterResource_SupportsResultReportingFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.SupportsResultReporting = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} supportsResultReporting: must be true (so failures come back as result=FAIL) (was false)");
    }

    [Fact]
    public async Task RegisterResource_AcceptResourcesFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.AcceptResources = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} acceptResources: must be true (the engine supports resource references) (was false)");
    }

    [Fact]
    public async Task RegisterResource_DeleteBeforeReplaceWithoutDefined_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.DeleteBeforeReplace = true;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} deleteBeforeReplaceDefined: must be true when deleteBeforeReplace is true (was false)");
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("5")]
    [InlineData("PT5M")]
    public async Task RegisterResource_CustomTimeoutNotGoDuration_IsRejected(string duration)
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.CustomTimeouts = new RegisterResourceRequest.Types.CustomTimeouts { Create = "5m", Update = duration, Delete = "1500000000ns" };

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} customTimeouts.update: must be a Go duration such as '5m', '300s' or '1500000000ns' (was '{duration}')");
    }
}
