using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Conformance.Tests.FakesSelfTests;

public sealed class StrictEngineRegistrationTests
{
    [Fact]
    public async Task RegisterResource_CorrectSequence_HasNoViolationsAndRecordsEveryRequestInOrder()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(new StrictEngineOptions { IsPreview = false });

        // Act
        var stackUrn = await session.StartProgramAsync();
        var provider = await session.RegisterAsync(session.CustomRequest("pulumi:providers:kubernetes", "k8s"));
        var component = await session.RegisterAsync(session.ComponentRequest("my:comp:Web", "web"));
        var request = session.CustomRequest("kubernetes:apps/v1:Deployment", "web-deploy", component.Urn, EngineSession.Inputs(("replicas", Value.ForNumber(2))));
        request.Provider = $"{provider.Urn}::{provider.Id}";
        request.Version = "4.18.1";
        request.Dependencies.Add(provider.Urn);
        request.PropertyDependencies["replicas"] = new RegisterResourceRequest.Types.PropertyDependencies();
        var deployment = await session.RegisterAsync(request);
        await session.RegisterOutputsAsync(component.Urn);
        await session.RegisterOutputsAsync(stackUrn);
        await session.LogAsync(new LogRequest { Severity = LogSeverity.Info, Message = "done", Urn = stackUrn });
        await session.ShutdownAsync();

        // Assert
        session.Engine.AssertNoViolations();
        Assert.Equal(
            [
                "SupportsFeature", "SupportsFeature", "SupportsFeature", "SupportsFeature", "SupportsFeature",
                "RegisterResource", "RegisterResource", "RegisterResource", "RegisterResource",
                "RegisterResourceOutputs", "RegisterResourceOutputs", "Log", "SignalAndWaitForShutdown",
            ],
            session.Engine.RpcSequence());
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", stackUrn);
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Web$kubernetes:apps/v1:Deployment::web-deploy", deployment.Urn);
        Assert.True(Guid.TryParse(deployment.Id, out _));
        Assert.Equal(2, deployment.Object.Fields["replicas"].NumberValue);
        Assert.Equal(["web-deploy"], session.Engine.Registrations.Where(r => r.Custom && r.Type.StartsWith("kubernetes", StringComparison.Ordinal)).Select(r => r.Name));
        Assert.True(session.Engine.ShutdownSignalled);
    }

    [Fact]
    public async Task RegisterResource_NestedComponents_UrnChainsParentTypesNotNames()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();

        // Act
        var outer = await session.RegisterAsync(session.ComponentRequest("my:comp:Outer", "outer"));
        var inner = await session.RegisterAsync(session.ComponentRequest("my:comp:Inner", "outer-inner", outer.Urn));
        var leaf = await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "outer-inner-id", inner.Urn));

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Outer::outer", outer.Urn);
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Outer$my:comp:Inner::outer-inner", inner.Urn);
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Outer$my:comp:Inner$random:index:RandomId::outer-inner-id", leaf.Urn);
        session.Engine.AssertNoViolations();
    }

    [Fact]
    public async Task RegisterResource_Preview_CustomIdIsEmptyProviderIdIsSentinelComponentOutputsEmpty()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(new StrictEngineOptions { IsPreview = true });
        var stack = await session.RegisterAsync(session.StackRequest());

        // Act
        var provider = await session.RegisterAsync(session.CustomRequest("pulumi:providers:kubernetes", "k8s"));
        var custom = await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id", inputs: EngineSession.Inputs(("byteLength", Value.ForNumber(8)))));
        var componentRequest = session.ComponentRequest("my:comp:Web", "web");
        componentRequest.Object = EngineSession.Inputs(("size", Value.ForNumber(3)));
        var component = await session.RegisterAsync(componentRequest);

        // Assert
        Assert.Equal("", stack.Id);
        Assert.Empty(stack.Object.Fields);
        Assert.Equal(WireConstants.UnknownStringSentinel, provider.Id);
        Assert.Equal("", custom.Id);
        Assert.Equal(8, custom.Object.Fields["byteLength"].NumberValue);
        Assert.Equal("", component.Id);
        Assert.Empty(component.Object.Fields);
    }

    [Fact]
    public async Task RegisterResource_DuplicateUrn_FailsWithEngineMessageAndViolation()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();
        await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id"));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id")));

        // Assert
        Assert.Equal("Duplicate resource URN 'urn:pulumi:dev::proj::random:index:RandomId::id'; try giving it a unique name", error.Status.Detail);
        Assert.Equal(
            "RegisterResource [random:index:RandomId::id] name: URNs must be unique within a deployment (was 'urn:pulumi:dev::proj::random:index:RandomId::id')",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task RegisterResource_StackTwice_IsDuplicateUrn()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () => await session.RegisterAsync(session.StackRequest()));

        // Assert
        Assert.Equal("Duplicate resource URN 'urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev'; try giving it a unique name", error.Status.Detail);
    }

    [Fact]
    public async Task RegisterResource_FailureInjectedWithResultReporting_ReturnsResultFail()
    {
        // Arrange
        var options = new StrictEngineOptions { Failures = { ["random:index:RandomId"] = RegistrationFailure.StepFailed() } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var response = await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id"));

        // Assert
        Assert.Equal(Result.Fail, response.Result);
        Assert.Equal("urn:pulumi:dev::proj::random:index:RandomId::id", response.Urn);
        Assert.Empty(response.Object.Fields);
        session.Engine.AssertNoViolations();
    }

    [Fact]
    public async Task RegisterResource_FailureInjectedWithoutResultReporting_ThrowsInternal()
    {
        // Arrange
        var options = new StrictEngineOptions { Failures = { ["random:index:RandomId"] = RegistrationFailure.StepFailed() } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();
        var request = session.CustomRequest("random:index:RandomId", "id");
        request.SupportsResultReporting = false;

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () => await session.RegisterAsync(request));

        // Assert
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("resource registration failed", error.Status.Detail);
    }

    [Fact]
    public async Task RegisterResource_UnavailableInjected_ThrowsUnavailable()
    {
        // Arrange
        var options = new StrictEngineOptions { Failures = { ["random:index:RandomId"] = RegistrationFailure.MonitorShutDown() } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id")));

        // Assert
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task RegisterResource_DelayInjected_AnswersOnlyAfterTheClockAdvances()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var options = new StrictEngineOptions
        {
            TimeProvider = clock,
            RegistrationDelays = { ["random:index:RandomId"] = TimeSpan.FromMinutes(5) },
        };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();
        var before = session.Engine.Requests.Count;

        // Act
        var pending = session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id"));
        await session.Engine.WaitForRequestsAsync(before + 1, TestContext.Current.CancellationToken);
        var completedEarly = pending.IsCompleted;
        while (!pending.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await Task.Yield();
        }

        var response = await pending;

        // Assert
        Assert.False(completedEarly);
        Assert.Equal("urn:pulumi:dev::proj::random:index:RandomId::id", response.Urn);
    }

    [Fact]
    public async Task DisposeAsync_WithDelayedRegistrationPending_EndsTheCallWithAnError()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            TimeProvider = new FakeTimeProvider(),
            RegistrationDelays = { ["random:index:RandomId"] = TimeSpan.FromHours(1) },
        };
        var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();
        var before = session.Engine.Requests.Count;
        var pending = session.RegisterAsync(session.CustomRequest("random:index:RandomId", "id"));
        await session.Engine.WaitForRequestsAsync(before + 1, TestContext.Current.CancellationToken);

        // Act
        await session.Engine.DisposeAsync();
        var error = await Record.ExceptionAsync(() => pending);
        await session.DisposeAsync();

        // Assert
        Assert.IsType<RpcException>(error);
    }
}
