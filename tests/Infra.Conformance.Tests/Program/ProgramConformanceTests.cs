using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;

namespace Infra.Conformance.Tests.Program;

/// <summary>
/// Programs written with Infra.Core run over real gRPC against the strict engine, which checks every
/// request field by field (pulumi-protocol.md §10 checklist).
/// </summary>
public sealed class ProgramConformanceTests
{
    [Fact]
    public async Task Run_TypicalProgram_NoViolationsAndExactLifecycle()
    {
        // Arrange + Act
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false }, () =>
        {
            var a = new Widget("a", new WidgetArgs { Name = "a", Size = 3, Tags = ["x", "y"] });
            var group = new Group("g");
            _ = new Widget("b", new WidgetArgs { Name = a.Name, Peer = a }, new CustomResourceOptions { DependsOn = { group }, Version = "1.2.3" });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?> { ["aName"] = a.Name });
        });

        // Assert
        run.Engine.AssertNoViolations();
        Assert.Equal(0, run.ExitCode);
        var sequence = run.Engine.RpcSequence().Where(r => r != "SupportsFeature").ToList();
        Assert.Equal("RegisterResource", sequence[0]);
        Assert.Equal("SignalAndWaitForShutdown", sequence[^1]);
        var stack = run.Engine.Registrations[0];
        Assert.Equal(WireConstants.StackType, stack.Type);
        Assert.Equal("proj-dev", stack.Name);
        Assert.Equal(string.Empty, stack.Parent);
        Assert.False(stack.Custom);
        Assert.Equal(6, run.Engine.Registrations.Count);
        var stackOutputs = Assert.Single(run.Engine.RequestsOf<RegisterResourceOutputsRequest>(), r => r.Urn == run.Engine.StackUrn);
        Assert.Equal("a", stackOutputs.Outputs.Fields["aName"].StringValue);
    }

    [Fact]
    public async Task Run_EveryRegistration_SetsTheRecommendedFlags()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions(), () =>
        {
            _ = new Widget("a", new WidgetArgs { Name = "a" });
        });

        run.Engine.AssertNoViolations();
        Assert.All(run.Engine.Registrations, r =>
        {
            Assert.True(r.AcceptSecrets);
            Assert.True(r.SupportsPartialValues);
            Assert.True(r.SupportsResultReporting);
            Assert.True(r.AcceptResources);
        });
    }

    [Fact]
    public async Task Run_Dependencies_ExpandComponentsAndNameReferencedResourcesPerProperty()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false }, () =>
        {
            var a = new Widget("a", new WidgetArgs { Name = "a" });
            var group = new Group("g");
            _ = new Widget("b", new WidgetArgs { Name = a.Name, Peer = a }, new CustomResourceOptions { DependsOn = { group } });
        });

        run.Engine.AssertNoViolations();
        var b = run.Engine.Registrations.Single(r => r.Name == "b");
        var aUrn = "urn:pulumi:dev::proj::test:index:Widget::a";
        Assert.Equal(
            new[] { aUrn, "urn:pulumi:dev::proj::test:index:Group$test:index:Widget::g-left", "urn:pulumi:dev::proj::test:index:Group$test:index:Widget::g-right" }
                .Order(StringComparer.Ordinal),
            b.Dependencies);
        Assert.Equal([aUrn], b.PropertyDependencies["name"].Urns);
        Assert.Equal([aUrn], b.PropertyDependencies["peer"].Urns);
        var peer = StructEncoding.FromValue(b.Object.Fields["peer"]);
        Assert.Equal(PropertyValueKind.ResourceReference, peer.Kind);
    }

    [Fact]
    public async Task Run_Preview_UnknownOutputsOfAllSevenKinds_NeverRunApply()
    {
        var kinds = System.Enum.GetValues<UnknownKind>();
        var hooks = new Dictionary<string, OutputHook>(StringComparer.Ordinal)
        {
            ["test:index:Widget"] = (request, urn) =>
            {
                var result = new Struct();
                result.Fields["name"] = OutputHooks.Unknown(kinds[int.Parse(request.Name[1..], System.Globalization.CultureInfo.InvariantCulture)]);
                return result;
            },
        };
        var applied = 0;

        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { OutputHooks = hooks }, () =>
        {
            for (var i = 0; i < kinds.Length; i++)
            {
                var widget = new Widget($"w{i}", new WidgetArgs { Name = "x" });
                _ = widget.Name.Apply(v =>
                {
                    Interlocked.Increment(ref applied);
                    return v;
                });
                _ = new Widget($"d{i}", new WidgetArgs { Name = widget.Name });
            }
        });

        run.Engine.AssertNoViolations();
        Assert.Equal(0, applied);
        Assert.All(
            run.Engine.Registrations.Where(r => r.Name.StartsWith('d')),
            r => Assert.Equal(WireConstants.UnknownStringSentinel, r.Object.Fields["name"].StringValue));
    }

    [Fact]
    public async Task Run_Preview_UnknownSecretInput_IsSentAsSecretEnvelopeAroundSentinel()
    {
        var hooks = new Dictionary<string, OutputHook>(StringComparer.Ordinal)
        {
            ["test:index:Widget"] = OutputHooks.EchoWith(("name", OutputHooks.Secret(OutputHooks.Unknown()))),
        };

        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { OutputHooks = hooks }, () =>
        {
            var a = new Widget("a", new WidgetArgs { Name = "a" });
            _ = new Widget("b", new WidgetArgs { Token = a.Name });
        });

        run.Engine.AssertNoViolations();
        var token = StructEncoding.FromValue(run.Engine.Registrations.Single(r => r.Name == "b").Object.Fields["token"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Unknown), token);
    }

    [Fact]
    public async Task Run_SecretOutputFromEngine_StaysSecretIntoDependents()
    {
        var hooks = new Dictionary<string, OutputHook>(StringComparer.Ordinal) { ["test:index:Widget"] = OutputHooks.EchoAllSecret };

        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false, OutputHooks = hooks }, () =>
        {
            var a = new Widget("a", new WidgetArgs { Name = "a" });
            _ = new Widget("b", new WidgetArgs { Name = a.Name.Apply(n => n + "-b") });
        });

        run.Engine.AssertNoViolations();
        var name = StructEncoding.FromValue(run.Engine.Registrations.Single(r => r.Name == "b").Object.Fields["name"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("a-b")), name);
    }

    [Fact]
    public async Task Run_ExplicitProviderInPreview_ReferenceUsesUnknownSentinelId()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions(), () =>
        {
            var provider = new WidgetProvider("p");
            _ = new Widget("a", new WidgetArgs { Name = "a" }, new CustomResourceOptions { Provider = provider });
        });

        run.Engine.AssertNoViolations();
        Assert.Equal(
            "urn:pulumi:dev::proj::pulumi:providers:test::p::" + WireConstants.UnknownStringSentinel,
            run.Engine.Registrations.Single(r => r.Name == "a").Provider);
    }

    [Fact]
    public async Task Run_ComponentOutputs_RegisteredOnceAndNeverForCustomResources()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false }, () => _ = new Group("g"));

        run.Engine.AssertNoViolations();
        var outputs = run.Engine.RequestsOf<RegisterResourceOutputsRequest>();
        Assert.Equal(2, outputs.Count); // the component and the stack
        Assert.Single(outputs, o => o.Urn == "urn:pulumi:dev::proj::test:index:Group::g");
        Assert.Equal("left", outputs.Single(o => o.Urn.EndsWith("::g", StringComparison.Ordinal)).Outputs.Fields["leftName"].StringValue);
    }

    [Fact]
    public async Task Run_StepFailedResult_Exits32WithoutLoggingAgain()
    {
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            Failures = { ["test:index:Widget"] = RegistrationFailure.StepFailed() },
        };

        await using var run = await ProgramHarness.RunAsync(options, () => _ = new Widget("a", new WidgetArgs { Name = "a" }));

        Assert.Equal(32, run.ExitCode);
        Assert.DoesNotContain(run.Engine.Logs, l => l.Severity == LogSeverity.Error);
        Assert.DoesNotContain("SignalAndWaitForShutdown", run.Engine.RpcSequence());
    }

    [Fact]
    public async Task Run_MonitorUnavailable_StopsQuietlyWithNonZeroExit()
    {
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            Failures = { ["test:index:Widget"] = RegistrationFailure.RpcError(StatusCode.Unavailable, "resource monitor shut down") },
        };

        await using var run = await ProgramHarness.RunAsync(options, () => _ = new Widget("a", new WidgetArgs { Name = "a" }));

        Assert.Equal(32, run.ExitCode);
        Assert.Empty(run.Engine.Logs);
    }

    [Fact]
    public async Task Run_UnhandledException_LoggedAsErrorThenExit32()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions(), () =>
        {
            _ = new Widget("a", new WidgetArgs { Name = "a" });
            throw new RunException("the cluster needs at least one control-plane node");
        });

        run.Engine.AssertNoViolations();
        Assert.Equal(32, run.ExitCode);
        var log = Assert.Single(run.Engine.Logs);
        Assert.Equal(LogSeverity.Error, log.Severity);
        Assert.Equal("the cluster needs at least one control-plane node", log.Message);
        Assert.DoesNotContain("SignalAndWaitForShutdown", run.Engine.RpcSequence());
        Assert.Contains(run.Engine.Registrations, r => r.Name == "a");
    }

    [Fact]
    public async Task Run_LoggedErrorWithoutException_ExitsOne()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions(), () => Log.Error("bad"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(LogSeverity.Error, Assert.Single(run.Engine.Logs).Severity);
    }

    [Fact]
    public async Task Run_OldCli_ShutdownUnimplementedAndNoResourceReferences_StillSucceeds()
    {
        var options = new StrictEngineOptions
        {
            Cli = CliGeneration.OldCli,
            IsPreview = false,
            Features = new Dictionary<string, bool>(FeatureTables.OldCli) { ["resourceReferences"] = false },
        };

        await using var run = await ProgramHarness.RunAsync(options, () =>
        {
            var a = new Widget("a", new WidgetArgs { Name = "a" });
            _ = new Widget("b", new WidgetArgs { Peer = a });
        });

        run.Engine.AssertNoViolations();
        Assert.Equal(0, run.ExitCode);
        var b = run.Engine.Registrations.Single(r => r.Name == "b");
        Assert.False(b.AcceptResources);
        Assert.Equal(Value.KindOneofCase.StringValue, b.Object.Fields["peer"].KindCase);
    }

    [Fact]
    public async Task Run_WaitsForSlowRegistrationsBeforeShutdown()
    {
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            RegistrationDelays = { ["test:index:Widget"] = TimeSpan.FromMilliseconds(200) },
        };

        await using var run = await ProgramHarness.RunAsync(options, () =>
        {
            for (var i = 0; i < 5; i++)
            {
                _ = new Widget($"w{i}", new WidgetArgs { Name = "w" });
            }
        });

        run.Engine.AssertNoViolations();
        Assert.Equal(0, run.ExitCode);
        var sequence = run.Engine.RpcSequence();
        Assert.Equal("SignalAndWaitForShutdown", sequence[^1]);
        Assert.Equal(6, run.Engine.Registrations.Count);
    }

    [Fact]
    public async Task Run_ConfigSecretKey_IsHandedOutAsSecret()
    {
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            Config = { ["proj:token"] = "t0k" },
            ConfigSecretKeys = ["proj:token"],
        };

        await using var run = await ProgramHarness.RunAsync(options, () =>
        {
            _ = new Widget("a", new WidgetArgs { Token = new Config().RequireSecret("token") });
        });

        run.Engine.AssertNoViolations();
        var token = StructEncoding.FromValue(run.Engine.Registrations.Single(r => r.Name == "a").Object.Fields["token"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("t0k")), token);
    }
}
