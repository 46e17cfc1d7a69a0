using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Logs, SupportsFeature, GetDeploymentInfo, shutdown and the old-CLI preset.</summary>
public sealed class StrictEngineLifecycleTests
{
    [Fact]
    public async Task Log_ValidRequests_AreCapturedInOrder()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var stackUrn = await session.StartProgramAsync();

        // Act
        await session.LogAsync(new LogRequest { Severity = LogSeverity.Warning, Message = "careful", Urn = stackUrn });
        await session.LogAsync(new LogRequest { Severity = LogSeverity.Error, Message = "boom ✗", StreamId = 3, Ephemeral = true });

        // Assert
        Assert.Equal(["careful", "boom ✗"], session.Engine.Logs.Select(l => l.Message));
        Assert.Equal([LogSeverity.Warning, LogSeverity.Error], session.Engine.Logs.Select(l => l.Severity));
        Assert.Equal(3, session.Engine.Logs[1].StreamId);
        session.Engine.AssertNoViolations();
    }

    [Fact]
    public async Task Log_UnknownSeverity_IsRejectedAndNotCaptured()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.LogAsync(new LogRequest { Severity = (LogSeverity)7, Message = "?" }));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Empty(session.Engine.Logs);
        Assert.Equal("Log [-] severity: must be DEBUG(0), INFO(1), WARNING(2) or ERROR(3) (was 7)", Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task Log_UnregisteredUrn_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        const string urn = "urn:pulumi:dev::proj::my:comp:Web::web";

        // Act
        await session.LogAsync(new LogRequest { Severity = LogSeverity.Info, Message = "hi", Urn = urn });

        // Assert
        Assert.Equal($"Log [{urn}] urn: must be '' or the URN of an already registered resource (was '{urn}')", Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task SupportsFeature_CurrentEngine_AnswersTheReferenceTable()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();

        // Act
        var answers = new Dictionary<string, bool>();
        foreach (var id in new[] { "secrets", "resourceReferences", "outputValues", "aliasSpecs", "deletedWith", "transforms", "parameterization", "resourceHooks", "errorHooks", "sendsOptionsToHooks", "replaceWith", "replacementTrigger", "invokeTransforms", "someFutureFeature" })
        {
            answers[id] = await session.SupportsFeatureAsync(id);
        }

        // Assert
        Assert.Equal(["someFutureFeature"], answers.Where(a => !a.Value).Select(a => a.Key));
        Assert.Equal(answers, session.Engine.ProbedFeatures);
    }

    [Fact]
    public async Task SupportsFeature_OldCli_AnswersFalseForNewerFeatures()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(StrictEngineOptions.OldCliPreset());

        // Act
        var transforms = await session.SupportsFeatureAsync("transforms");
        var resourceHooks = await session.SupportsFeatureAsync("resourceHooks");
        var secrets = await session.SupportsFeatureAsync("secrets");

        // Assert
        Assert.False(transforms);
        Assert.False(resourceHooks);
        Assert.True(secrets);
    }

    [Fact]
    public async Task SignalAndWaitForShutdown_OldCli_IsUnimplemented()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(StrictEngineOptions.OldCliPreset());

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.ShutdownAsync());

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.False(session.Engine.ShutdownSignalled);
    }

    [Fact]
    public async Task GetDeploymentInfo_OldCli_IsUnimplemented()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(StrictEngineOptions.OldCliPreset());

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.GetDeploymentInfoAsync());

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task RequirePulumiVersion_OldCli_IsUnimplemented()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(StrictEngineOptions.OldCliPreset());

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await session.EngineClient.RequirePulumiVersionAsync(new RequirePulumiVersionRequest { PulumiVersionRange = ">=3.100.0" }, cancellationToken: EngineSession.Ct));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task GetDeploymentInfo_CurrentEngine_DescribesTheConfiguredDeployment()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            Project = "web",
            Stack = "prod",
            IsPreview = false,
            Config = { ["web:replicas"] = "3" },
            ConfigSecretKeys = { "web:password" },
        };
        await using var session = await EngineSession.StartAsync(options);

        // Act
        var info = await session.GetDeploymentInfoAsync();

        // Assert
        Assert.Equal("web", info.Project);
        Assert.Equal("prod", info.Stack);
        Assert.False(info.DryRun);
        Assert.Equal("3", info.Config["web:replicas"]);
        Assert.Equal(["web:password"], info.ConfigSecretKeys);
        Assert.Contains(ResourceMonitorFeature.ResourceReferences, info.SupportedFeatures);
        Assert.DoesNotContain(ResourceMonitorFeature.ByteString, info.SupportedFeatures);
    }

    [Fact]
    public async Task SignalAndWaitForShutdown_SecondCall_FailsAndIsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var stackUrn = await session.StartProgramAsync();
        await session.RegisterOutputsAsync(stackUrn);
        await session.ShutdownAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.ShutdownAsync());

        // Assert
        Assert.Equal("Already waiting for shutdown", error.Status.Detail);
        Assert.Equal(
            [
                "SignalAndWaitForShutdown [-] request: every request must arrive before SignalAndWaitForShutdown (was request #8)",
                "SignalAndWaitForShutdown [-] call: may be called only once (was second call)",
            ],
            session.Engine.Violations.Select(v => v.Message));
    }

    [Fact]
    public async Task SignalAndWaitForShutdown_WithoutStackOutputs_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();

        // Act
        await session.ShutdownAsync();

        // Assert
        Assert.Equal(
            "SignalAndWaitForShutdown [urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev] call: the stack outputs must be registered (RegisterResourceOutputs, even when empty) before shutdown (was not registered)",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task SignalAndWaitForShutdown_WhileRegistrationInFlight_IsReported()
    {
        // Arrange
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = new StrictEngineOptions { TimeProvider = clock, RegistrationDelays = { ["random:index:RandomId"] = TimeSpan.FromSeconds(30) } };
        await using var session = await EngineSession.StartAsync(options);
        var stackUrn = await session.StartProgramAsync();
        await session.RegisterOutputsAsync(stackUrn);
        var before = session.Engine.Requests.Count;
        var pending = session.RegisterAsync(session.CustomRequest("random:index:RandomId", "slow"));
        await session.Engine.WaitForRequestsAsync(before + 1, EngineSession.Ct);

        // Act
        await session.ShutdownAsync();
        while (!pending.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Yield();
        }

        await pending;

        // Assert
        Assert.Equal(
            "SignalAndWaitForShutdown [-] call: must be sent only after every other request has completed (was 1 request(s) in flight)",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task Log_AfterShutdown_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var stackUrn = await session.StartProgramAsync();
        await session.RegisterOutputsAsync(stackUrn);
        await session.ShutdownAsync();

        // Act
        await session.LogAsync(new LogRequest { Severity = LogSeverity.Info, Message = "late" });

        // Assert
        Assert.Equal("Log [-] request: every request must arrive before SignalAndWaitForShutdown (was request #8)", Assert.Single(session.Engine.Violations).Message);
    }
}
