using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using RpcEngine = Infra.Protocol.Rpc.Engine;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Addresses, environment, message sizes and wire-level checks.</summary>
public sealed class StrictEngineTransportTests
{
    [Fact]
    public async Task StartAsync_Addresses_AreLoopbackHostPortPairsOnDistinctPorts()
    {
        // Arrange
        await using var engine = await StrictEngine.StartAsync(cancellationToken: EngineSession.Ct);

        // Act
        var monitor = engine.MonitorAddress;
        var engineAddress = engine.EngineAddress;

        // Assert
        Assert.Matches(@"^127\.0\.0\.1:[0-9]+$", monitor);
        Assert.Matches(@"^127\.0\.0\.1:[0-9]+$", engineAddress);
        Assert.NotEqual(monitor, engineAddress);
    }

    [Fact]
    public async Task GetProgramEnvironment_Update_HasThePulumiVariables()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            Project = "web",
            Stack = "prod",
            IsPreview = false,
            ProgramDirectory = "/tmp/prog",
            Config = { ["web:replicas"] = "3", ["kubernetes:context"] = "lab" },
            ConfigSecretKeys = { "web:password" },
        };
        await using var engine = await StrictEngine.StartAsync(options, EngineSession.Ct);

        // Act
        var environment = engine.GetProgramEnvironment();

        // Assert
        Assert.Equal(engine.MonitorAddress, environment["PULUMI_MONITOR"]);
        Assert.Equal(engine.EngineAddress, environment["PULUMI_ENGINE"]);
        Assert.Equal("web", environment["PULUMI_PROJECT"]);
        Assert.Equal("prod", environment["PULUMI_STACK"]);
        Assert.Equal("organization", environment["PULUMI_ORGANIZATION"]);
        Assert.Equal("false", environment["PULUMI_DRY_RUN"]);
        Assert.Equal("false", environment["PULUMI_QUERY_MODE"]);
        Assert.Equal("16", environment["PULUMI_PARALLEL"]);
        Assert.Equal("{\"kubernetes:context\":\"lab\",\"web:replicas\":\"3\"}", environment["PULUMI_CONFIG"]);
        Assert.Equal("[\"web:password\"]", environment["PULUMI_CONFIG_SECRET_KEYS"]);
        Assert.Equal("/tmp/prog", environment["PULUMI_PWD"]);
        Assert.Equal("/tmp/prog", environment["PULUMI_ROOT_DIRECTORY"]);
        Assert.Equal("false", environment["PULUMI_ATTACH_DEBUGGER"]);
    }

    [Fact]
    public async Task GetProgramEnvironment_PreviewWithoutConfig_LeavesConfigOutAndSendsEmptySecretKeys()
    {
        // Arrange
        await using var engine = await StrictEngine.StartAsync(cancellationToken: EngineSession.Ct);

        // Act
        var environment = engine.GetProgramEnvironment();

        // Assert
        Assert.Equal("true", environment["PULUMI_DRY_RUN"]);
        Assert.False(environment.ContainsKey("PULUMI_CONFIG"));
        Assert.False(environment.ContainsKey("PULUMI_PWD"));
        Assert.Equal("[]", environment["PULUMI_CONFIG_SECRET_KEYS"]);
    }

    [Fact]
    public async Task Log_SentToTheMonitorAddress_IsUnimplementedAndReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var wrongClient = new RpcEngine.EngineClient(session.MonitorChannel);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await wrongClient.LogAsync(new LogRequest { Severity = LogSeverity.Info, Message = "hi" }, cancellationToken: EngineSession.Ct));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal(
            $"Log [-] address: must be sent to PULUMI_ENGINE ({session.Engine.EngineAddress}) (was {session.Engine.MonitorAddress})",
            Assert.Single(session.Engine.Violations).Message);
        Assert.Empty(session.Engine.Logs);
    }

    [Fact]
    public async Task Log_InvalidUtf8Message_IsRejectedAndReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var raw = new Method<byte[], Empty>(
            MethodType.Unary,
            "pulumirpc.Engine",
            "Log",
            Marshallers.Create<byte[]>(bytes => bytes, bytes => bytes),
            Marshallers.Create(message => message.ToByteArray(), Empty.Parser.ParseFrom));
        byte[] body = [0x08, 0x01, 0x12, 0x03, (byte)'h', 0xC3, 0x28];

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await session.EngineChannel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(cancellationToken: EngineSession.Ct), body));

        // Assert
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("grpc: error unmarshalling request: string field contains invalid UTF-8 (message)", error.Status.Detail);
        Assert.Equal("Log [-] message: strings must be valid UTF-8 (was invalid UTF-8 bytes)", Assert.Single(session.Engine.Violations).Message);
        Assert.Empty(session.Engine.Logs);
    }

    [Fact]
    public async Task RegisterResource_InvalidUtf8InsideObject_NamesTheNestedField()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var stackUrn = await session.StartProgramAsync();
        var request = session.CustomRequest("random:index:RandomId", "id", inputs: EngineSession.Inputs(("seed", Value.ForString("\u00e9"))));
        var bytes = request.ToByteArray();
        var at = FindSequence(bytes, Encoding.UTF8.GetBytes("\u00e9"));
        bytes[at + 1] = 0x28;
        var raw = new Method<byte[], RegisterResourceResponse>(
            MethodType.Unary,
            "pulumirpc.ResourceMonitor",
            "RegisterResource",
            Marshallers.Create<byte[]>(b => b, b => b),
            Marshallers.Create(message => message.ToByteArray(), RegisterResourceResponse.Parser.ParseFrom));

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await session.MonitorChannel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(cancellationToken: EngineSession.Ct), bytes));

        // Assert
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("RegisterResource [-] object.fields.value.string_value: strings must be valid UTF-8 (was invalid UTF-8 bytes)", Assert.Single(session.Engine.Violations).Message);
        Assert.Equal(stackUrn, Assert.Single(session.Engine.Resources).Urn);
    }

    [Fact]
    public async Task RegisterResource_ObjectLargerThanFourMebibytes_IsAcceptedAndEchoed()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();
        using var channel = GrpcChannel.ForAddress("http://" + session.Engine.MonitorAddress, new GrpcChannelOptions { MaxReceiveMessageSize = WireConstants.MaxMessageSize });
        var client = new ResourceMonitor.ResourceMonitorClient(channel);
        var big = new string('x', 8 * 1024 * 1024);
        var request = session.CustomRequest("kubernetes:core/v1:ConfigMap", "big", inputs: EngineSession.Inputs(("data", Value.ForString(big))));

        // Act
        var response = await client.RegisterResourceAsync(request, cancellationToken: EngineSession.Ct);

        // Assert
        Assert.Equal(big.Length, response.Object.Fields["data"].StringValue.Length);
        session.Engine.AssertNoViolations();
    }

    [Fact]
    public async Task AssertNoViolations_WithViolations_FailsListingEachOne()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.SupportsFeatureAsync("");
        await session.LogAsync(new LogRequest { Severity = LogSeverity.Info, Message = "x", Urn = "bad" });

        // Act
        var failure = Record.Exception(session.Engine.AssertNoViolations);

        // Assert
        Assert.NotNull(failure);
        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "The strict engine saw 2 protocol violation(s):",
                "  - SupportsFeature [-] id: must name a feature (was '')",
                "  - Log [bad] urn: must be '' or a strictly valid URN (was 'bad')"),
            failure.Message);
    }

    private static int FindSequence(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("Sequence not found.");
    }
}
