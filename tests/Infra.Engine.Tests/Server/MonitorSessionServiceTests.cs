using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Providers;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Moq;

namespace Infra.Engine.Tests.Server;

/// <summary>The other ResourceMonitor and Engine RPCs over real gRPC.</summary>
public sealed class MonitorSessionServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("secrets", true)]
    [InlineData("resourceReferences", true)]
    [InlineData("outputValues", true)]
    [InlineData("aliasSpecs", true)]
    [InlineData("deletedWith", true)]
    [InlineData("sendsOptionsToHooks", true)]
    [InlineData("byteString", false)]
    [InlineData("noSuchFeature", false)]
    public async Task SupportsFeature_Id_AnswersLikeTheCurrentEngine(string id, bool expected)
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);

        // Act
        var response = await harness.Client.SupportsFeatureAsync(new SupportsFeatureRequest { Id = id }, cancellationToken: Ct);

        // Assert
        Assert.Equal(expected, response.HasSupport);
    }

    [Fact]
    public async Task GetDeploymentInfo_Preview_ReturnsIdentityConfigAndFeatures()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true, config: new Dictionary<string, string> { ["proj:tokenSecret"] = "x", ["proj:name"] = "n" });

        // Act
        var info = await harness.Client.GetDeploymentInfoAsync(new Empty(), cancellationToken: Ct);

        // Assert
        Assert.Equal(("proj", "dev", "organization", true, 8), (info.Project, info.Stack, info.Organization, info.DryRun, info.Parallel));
        Assert.Equal("n", info.Config["proj:name"]);
        Assert.Equal(["proj:tokenSecret"], info.ConfigSecretKeys);
        Assert.Equal(13, info.SupportedFeatures.Count);
        Assert.Contains(ResourceMonitorFeature.Secrets, info.SupportedFeatures);
    }

    [Fact]
    public async Task RegisterResourceOutputs_Stack_KeptAsStackOutputsAndSecondCallRejected()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        var request = new RegisterResourceOutputsRequest
        {
            Urn = harness.StackUrn,
            Outputs = StructEncoding.ToStruct([KeyValuePair.Create("url", PropertyValue.CreateSecret(PropertyValue.Create("http://x")))]),
        };

        // Act
        await harness.Client.RegisterResourceOutputsAsync(request, cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await harness.Client.RegisterResourceOutputsAsync(request, cancellationToken: Ct));

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("http://x")), harness.Monitor.StackOutputs!["url"]);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal($"cannot complete a resource '{harness.StackUrn}' whose registration isn't pending", error.Status.Detail);
    }

    [Fact]
    public async Task RegisterResourceOutputs_Component_SavedAsItsOutputs()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        var component = await harness.Client.RegisterResourceAsync(new RegisterResourceRequest
        {
            Type = "my:index:Site", Name = "site", Parent = harness.StackUrn, Object = new Struct(), SupportsResultReporting = true,
        }, cancellationToken: Ct);

        // Act
        await harness.Client.RegisterResourceOutputsAsync(new RegisterResourceOutputsRequest
        {
            Urn = component.Urn,
            Outputs = StructEncoding.ToStruct([KeyValuePair.Create("url", PropertyValue.Create("http://x"))]),
        }, cancellationToken: Ct);

        // Assert
        var recorded = harness.Session!.Snapshot.Resources.Single(r => r.Urn == component.Urn);
        Assert.Equal(PropertyValue.Create("http://x"), recorded.Outputs["url"]);
    }

    [Fact]
    public async Task RegisterResourceOutputs_UnknownUrn_InvalidArgument()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await harness.Client.RegisterResourceOutputsAsync(new RegisterResourceOutputsRequest { Urn = harness.StackUrn, Outputs = new Struct() }, cancellationToken: Ct));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"RegisterResourceOutputs: resource '{harness.StackUrn}' was not registered in this deployment", error.Status.Detail);
    }

    [Fact]
    public async Task Invoke_Echo_ReturnsTheArgumentsWithSecretsKept()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        var args = StructEncoding.ToStruct([KeyValuePair.Create("k", PropertyValue.CreateSecret(PropertyValue.Create("v")))]);

        // Act
        var response = await harness.Client.InvokeAsync(new ResourceInvokeRequest { Tok = "test:index:echo", Args = args }, cancellationToken: Ct);

        // Assert
        Assert.Empty(response.Failures);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("v")), StructEncoding.FromStruct(response.Return)["k"]);
    }

    [Fact]
    public async Task Invoke_FailingFunction_ReturnsItsFailures()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();

        // Act
        var response = await harness.Client.InvokeAsync(new ResourceInvokeRequest { Tok = "test:index:fail", Args = new Struct() }, cancellationToken: Ct);

        // Assert
        var failure = Assert.Single(response.Failures);
        Assert.Equal(("args", "the function was asked to fail"), (failure.Property, failure.Reason));
    }

    [Fact]
    public async Task Invoke_UnknownPackage_FailedPreconditionNamingBuiltIns()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await harness.Client.InvokeAsync(new ResourceInvokeRequest { Tok = "aws:index:getRegion", Args = new Struct() }, cancellationToken: Ct));

        // Assert
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("Invoke of 'aws:index:getRegion' failed: ", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("No provider is built in for package 'aws'. Built-in providers: pulumi, test.", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResource_StackReference_ServedByThePulumiProvider()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);
        await harness.RegisterStackAsync(Ct);
        harness.StackReferences
            .Setup(r => r.ReadOutputsAsync("other", It.IsAny<CancellationToken>()))
            .ReturnsAsync(PropertyMaps.Create(
            [
                KeyValuePair.Create("endpoint", PropertyValue.Create("10.0.0.1")),
                KeyValuePair.Create("password", PropertyValue.CreateSecret(PropertyValue.Create("pw"))),
            ]));

        // Act
        var response = await harness.Client.ReadResourceAsync(new ReadResourceRequest
        {
            Id = "other",
            Type = "pulumi:pulumi:StackReference",
            Name = "other",
            Parent = harness.StackUrn,
            Properties = StructEncoding.ToStruct([KeyValuePair.Create("name", PropertyValue.Create("other"))]),
            AcceptSecrets = true,
        }, cancellationToken: Ct);

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:StackReference::other", response.Urn);
        var properties = StructEncoding.FromStruct(response.Properties);
        Assert.Equal(PropertyValue.Create("10.0.0.1"), properties["outputs"].ObjectValue["endpoint"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("password")]), properties["secretOutputNames"]);
    }

    [Fact]
    public async Task Log_Error_BecomesAnErrorDiagnosticAttachedToTheResource()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);

        // Act
        await harness.EngineClient.LogAsync(new LogRequest { Severity = LogSeverity.Error, Message = "it broke", Urn = harness.StackUrn }, cancellationToken: Ct);
        await harness.EngineClient.LogAsync(new LogRequest { Severity = LogSeverity.Info, Message = "fyi", Ephemeral = true }, cancellationToken: Ct);

        // Assert
        Assert.Equal(
            [new DiagnosticEvent(DiagnosticSeverity.Error, "it broke", harness.StackUrn), new DiagnosticEvent(DiagnosticSeverity.Info, "fyi", null, true)],
            harness.Events.OfType<DiagnosticEvent>());
        Assert.Equal(1, harness.Monitor.ErrorLogCount);
    }

    [Fact]
    public async Task Log_UnknownSeverity_InvalidArgument()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await harness.EngineClient.LogAsync(new LogRequest { Severity = (LogSeverity)7, Message = "?" }, cancellationToken: Ct));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("Log: severity must be DEBUG, INFO, WARNING or ERROR (was 7)", error.Status.Detail);
    }

    [Fact]
    public async Task RootResource_SetThenGet_ReturnsTheStoredUrn()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);

        // Act
        await harness.EngineClient.SetRootResourceAsync(new SetRootResourceRequest { Urn = harness.StackUrn }, cancellationToken: Ct);
        var response = await harness.EngineClient.GetRootResourceAsync(new GetRootResourceRequest(), cancellationToken: Ct);

        // Assert
        Assert.Equal(harness.StackUrn, response.Urn);
    }

    [Fact]
    public async Task SignalAndWaitForShutdown_Twice_SecondCallRejected()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);

        // Act
        await harness.Client.SignalAndWaitForShutdownAsync(new Empty(), cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await harness.Client.SignalAndWaitForShutdownAsync(new Empty(), cancellationToken: Ct));

        // Assert
        Assert.True(harness.Monitor.ShutdownSignalled);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Already waiting for shutdown", error.Status.Detail);
    }

    [Fact]
    public async Task Call_Any_Unimplemented()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () => await harness.Client.CallAsync(new ResourceCallRequest { Tok = "a:b:c" }, cancellationToken: Ct));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public void WireValues_OutputValue_DowngradedToSecretValue()
    {
        // Arrange
        var output = PropertyValue.CreateOutput(new OutputPropertyValue(PropertyValue.Create("v"), IsSecret: true, ["urn:pulumi:dev::proj::a:b:C::x"]));
        var unknown = PropertyValue.CreateOutput(new OutputPropertyValue(null, IsSecret: false, []));

        // Act
        var downgraded = Engine.Server.WireValues.Downgrade(PropertyMaps.Create([KeyValuePair.Create("a", output), KeyValuePair.Create("b", unknown)]));

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("v")), downgraded["a"]);
        Assert.Equal(PropertyValue.Unknown, downgraded["b"]);
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1500000000ns", 1.5)]
    [InlineData("", 0)]
    public void GoDuration_Valid_ParsesSeconds(string text, double expected)
    {
        // Act
        var parsed = Engine.Server.GoDuration.TryParseSeconds(text, out var seconds);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, seconds, 6);
    }

    [Fact]
    public void GoDuration_UnknownUnit_Rejected()
    {
        // Act
        var parsed = Engine.Server.GoDuration.TryParseSeconds("5 minutes", out _);

        // Assert
        Assert.False(parsed);
    }
}
