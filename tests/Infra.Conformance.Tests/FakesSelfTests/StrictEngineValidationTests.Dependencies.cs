using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using static Infra.Conformance.Tests.FakesSelfTests.ViolationAssert;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>URN lists: dependencies, propertyDependencies, deletedWith and aliases.</summary>
public sealed partial class StrictEngineValidationTests
{
    [Fact]
    public async Task RegisterResource_EmptyDependency_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Dependencies.Add("");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} dependencies[0]: must not be empty (never send '' as a URN) (was '')");
    }

    [Fact]
    public async Task RegisterResource_UnregisteredDependency_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Dependencies.Add(ExistingUrn);
        request.Dependencies.Add("urn:pulumi:dev::proj::random:index:RandomId::later");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} dependencies[1]: must be the URN of an already registered resource (was 'urn:pulumi:dev::proj::random:index:RandomId::later')");
    }

    [Fact]
    public async Task RegisterResource_DependencyOnTheStack_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Dependencies.Add(StackUrn);

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} dependencies[0]: must not name the root stack (depending on the stack is meaningless) (was '{StackUrn}')");
    }

    [Fact]
    public async Task RegisterResource_PropertyDependencyKeyNotInObject_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.PropertyDependencies["ghost"] = new RegisterResourceRequest.Types.PropertyDependencies();

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} propertyDependencies[ghost]: keys must be input properties present in object (was 'ghost')");
    }

    [Fact]
    public async Task RegisterResource_PropertyDependencyNotInDependencies_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["seed"] = Value.ForString("x");
        request.PropertyDependencies["seed"] = new RegisterResourceRequest.Types.PropertyDependencies { Urns = { ExistingUrn } };

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} propertyDependencies[seed][0]: every property dependency must also be listed in dependencies (was '{ExistingUrn}')");
    }

    [Fact]
    public async Task RegisterResource_MalformedPropertyDependencyUrn_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["seed"] = Value.ForString("x");
        request.PropertyDependencies["seed"] = new RegisterResourceRequest.Types.PropertyDependencies { Urns = { "existing" } };

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains($"{Subject} propertyDependencies[seed][0]: must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was 'existing')", result.Violations);
    }

    [Fact]
    public async Task RegisterResource_DeletedWithUnregisteredUrn_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.DeletedWith = "urn:pulumi:dev::proj::random:index:RandomId::gone";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} deletedWith: must be the URN of an already registered resource (was 'urn:pulumi:dev::proj::random:index:RandomId::gone')");
    }

    [Fact]
    public async Task RegisterResource_DeletedWithoutProbingTheFeature_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync(probeFeatures: false);
        var request = probe.Request();
        request.DeletedWith = ExistingUrn;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} deletedWith: needs SupportsFeature('deletedWith') probed true (was '{ExistingUrn}')");
    }

    [Fact]
    public async Task RegisterResource_MalformedAliasUrn_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.AliasURNs.Add("old-name");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} aliasURNs[0]: must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was 'old-name')");
    }
}
