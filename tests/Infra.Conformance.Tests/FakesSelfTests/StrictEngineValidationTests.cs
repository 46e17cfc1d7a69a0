using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using static Infra.Conformance.Tests.FakesSelfTests.ViolationAssert;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>One test per RegisterResource field rule, each asserting the exact violation text.</summary>
public sealed partial class StrictEngineValidationTests
{
    private const string StackUrn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private const string ExistingUrn = "urn:pulumi:dev::proj::random:index:RandomId::existing";
    private const string ProviderUrn = "urn:pulumi:dev::proj::pulumi:providers:random::p";
    private const string Subject = "RegisterResource [random:index:RandomId::id]";

    [Fact]
    public async Task RegisterResource_CustomTypeWithTwoParts_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Type = "random:RandomId";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, "RegisterResource [random:RandomId::id] type: custom and remote resources need three non-empty parts 'pkg:module:Type' (was 'random:RandomId')");
    }

    [Fact]
    public async Task RegisterResource_ComponentTypeWithTwoParts_IsAccepted()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("my:Widget", "w");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Empty(result.Violations);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task RegisterResource_BeforeTheStack_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var request = session.CustomRequest(ValidationProbe.ResourceType, "id", parent: "");

        // Act
        await session.RegisterAsync(request);

        // Assert
        Assert.Equal(
            [
                $"{Subject} type: the root stack pulumi:pulumi:Stack must be registered before any other resource (was 'random:index:RandomId')",
                $"{Subject} parent: must be the parent's URN (the stack URN when no other parent); '' is only for the root stack (was '')",
            ],
            session.Engine.Violations.Select(v => v.Message));
    }

    [Fact]
    public async Task RegisterResource_StackWithWrongName_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var request = session.StackRequest();
        request.Name = "dev";

        // Act
        await session.RegisterAsync(request);

        // Assert
        Assert.Equal(
            "RegisterResource [pulumi:pulumi:Stack::dev] name: the root stack must be named '<project>-<stack>' = 'proj-dev' (was 'dev')",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task RegisterResource_StackWithParent_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.StackRequest();
        request.Name = "other";
        request.Parent = ExistingUrn;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Contains($"RegisterResource [pulumi:pulumi:Stack::other] parent: the root stack must have parent '' (was '{ExistingUrn}')", result.Violations);
    }

    [Fact]
    public async Task RegisterResource_EmptyName_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Name = "";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, "RegisterResource [random:index:RandomId::] name: must not be empty (was '')");
    }

    [Fact]
    public async Task RegisterResource_EmptyParentForNonStack_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Parent = "";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} parent: must be the parent's URN (the stack URN when no other parent); '' is only for the root stack (was '')");
    }

    [Theory]
    [InlineData("urn:pulumi:dev::proj::my:comp:Web")]
    [InlineData("dev::proj::my:comp:Web::web")]
    [InlineData("urn:pulumi:dev::proj::::web")]
    public async Task RegisterResource_MalformedParent_IsRejected(string parent)
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Parent = parent;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} parent: must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{parent}')");
    }

    [Fact]
    public async Task RegisterResource_UnregisteredParent_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Parent = "urn:pulumi:dev::proj::my:comp:Web::web";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} parent: must be the URN of an already registered resource (was 'urn:pulumi:dev::proj::my:comp:Web::web')");
    }

    [Fact]
    public async Task RegisterResource_NameWithDoubleColon_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Name = "a::b";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, "RegisterResource [random:index:RandomId::a::b] name: must not contain '::' (it is the URN delimiter) (was 'a::b')");
    }

    [Fact]
    public async Task RegisterResource_AfterShutdown_IsReportedAndRejectedAsUnavailable()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        await probe.Session.RegisterOutputsAsync(StackUrn);
        await probe.Session.ShutdownAsync();
        var sequence = probe.Session.Engine.Requests.Count;

        // Act
        var result = await probe.RegisterAsync(probe.Request());

        // Assert
        Assert.Equal(StatusCode.Unavailable, result.Error?.StatusCode);
        Assert.Equal([$"{Subject} request: every request must arrive before SignalAndWaitForShutdown (was request #{sequence})"], result.Violations);
    }
}
