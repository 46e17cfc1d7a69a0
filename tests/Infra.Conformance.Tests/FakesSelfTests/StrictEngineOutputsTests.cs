using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Output hooks, output marshalling and RegisterResourceOutputs.</summary>
public sealed class StrictEngineOutputsTests
{
    private const string Type = "random:index:RandomString";

    [Fact]
    public async Task RegisterResource_NoHook_EchoesInputs()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();
        var inputs = EngineSession.Inputs(("length", Value.ForNumber(16)), ("keepers", Value.ForStruct(EngineSession.Inputs(("a", Value.ForString("b"))))));

        // Act
        var response = await session.RegisterAsync(session.CustomRequest(Type, "s", inputs: inputs));

        // Assert
        Assert.Equal(inputs, response.Object);
    }

    [Theory]
    [InlineData(UnknownKind.String, "04da6b54-80e4-46f7-96ec-b56ff0331ba9")]
    [InlineData(UnknownKind.Bool, "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")]
    [InlineData(UnknownKind.Number, "3eeb2bf0-c639-47a8-9e75-3b44932eb421")]
    [InlineData(UnknownKind.Array, "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2")]
    [InlineData(UnknownKind.Asset, "030794c1-ac77-496b-92df-f27374a8bd58")]
    [InlineData(UnknownKind.Archive, "e48ece36-62e2-4504-bad9-02848725956a")]
    [InlineData(UnknownKind.Object, "dd056dcd-154b-4c76-9bd3-c8f88648b5ff")]
    public async Task RegisterResource_UnknownHook_InjectsEachSentinel(UnknownKind kind, string sentinel)
    {
        // Arrange
        var options = new StrictEngineOptions { OutputHooks = { [Type] = OutputHooks.EchoWith(("result", OutputHooks.Unknown(kind))) } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var response = await session.RegisterAsync(session.CustomRequest(Type, "s", inputs: EngineSession.Inputs(("length", Value.ForNumber(16)))));

        // Assert
        Assert.Equal(sentinel, response.Object.Fields["result"].StringValue);
        Assert.Equal(16, response.Object.Fields["length"].NumberValue);
    }

    [Fact]
    public async Task RegisterResource_SecretHook_WrapsOutputsInSecretEnvelopes()
    {
        // Arrange
        var options = new StrictEngineOptions { OutputHooks = { [Type] = OutputHooks.EchoAllSecret } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var response = await session.RegisterAsync(session.CustomRequest(Type, "s", inputs: EngineSession.Inputs(("result", Value.ForString("abc")))));

        // Assert
        var envelope = response.Object.Fields["result"].StructValue.Fields;
        Assert.Equal(WireConstants.SecretSignature, envelope[WireConstants.SignatureKey].StringValue);
        Assert.Equal("abc", envelope["value"].StringValue);
    }

    [Fact]
    public async Task RegisterResource_SecretHookWithoutAcceptSecrets_UnwrapsLikeTheEngine()
    {
        // Arrange
        var options = new StrictEngineOptions { OutputHooks = { [Type] = OutputHooks.EchoAllSecret } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();
        var request = session.CustomRequest(Type, "s", inputs: EngineSession.Inputs(("result", Value.ForString("abc"))));
        request.AcceptSecrets = false;

        // Act
        var response = await session.RegisterAsync(request);

        // Assert
        Assert.Equal("abc", response.Object.Fields["result"].StringValue);
    }

    [Fact]
    public async Task RegisterResource_UnknownHookWithoutPartialValues_DropsTopLevelKeysWithUnknowns()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            OutputHooks = { [Type] = OutputHooks.EchoWith(("list", Value.ForList(Value.ForString("a"), OutputHooks.Unknown()))) },
        };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();
        var request = session.CustomRequest(Type, "s", inputs: EngineSession.Inputs(("length", Value.ForNumber(4))));
        request.SupportsPartialValues = false;

        // Act
        var response = await session.RegisterAsync(request);

        // Assert
        Assert.Equal(["length"], response.Object.Fields.Keys);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RegisterResource_ReferenceHook_ReturnsReferenceOrPlainIdByAcceptResources(bool acceptResources)
    {
        // Arrange
        RegisterResourceResponse? target = null;
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            OutputHooks = { [Type] = (request, urn) => OutputHooks.EchoWith(("target", OutputHooks.Reference(target!.Urn, target.Id)))(request, urn) },
        };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();
        target = await session.RegisterAsync(session.CustomRequest("random:index:RandomId", "target"));
        var request = session.CustomRequest(Type, "s");
        request.AcceptResources = acceptResources;

        // Act
        var response = await session.RegisterAsync(request);

        // Assert
        var output = response.Object.Fields["target"];
        if (acceptResources)
        {
            Assert.Equal(WireConstants.ResourceReferenceSignature, output.StructValue.Fields[WireConstants.SignatureKey].StringValue);
            Assert.Equal(target.Urn, output.StructValue.Fields["urn"].StringValue);
            Assert.Equal(target.Id, output.StructValue.Fields["id"].StringValue);
        }
        else
        {
            Assert.Equal(target.Id, output.StringValue);
        }
    }

    [Fact]
    public async Task RegisterResource_ComponentWithHook_StillGetsEmptyOutputs()
    {
        // Arrange
        var options = new StrictEngineOptions { OutputHooks = { ["my:comp:Web"] = OutputHooks.EchoWith(("x", Value.ForString("y"))) } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var response = await session.RegisterAsync(session.ComponentRequest("my:comp:Web", "web"));

        // Assert
        Assert.Empty(response.Object.Fields);
    }

    [Fact]
    public async Task RegisterResourceOutputs_SecondCallForSameUrn_FailsAndIsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();
        var component = await session.RegisterAsync(session.ComponentRequest("my:comp:Web", "web"));
        await session.RegisterOutputsAsync(component.Urn);

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.RegisterOutputsAsync(component.Urn));

        // Assert
        Assert.Equal("cannot complete a resource 'urn:pulumi:dev::proj::my:comp:Web::web' whose registration isn't pending", error.Status.Detail);
        Assert.Equal(
            "RegisterResourceOutputs [urn:pulumi:dev::proj::my:comp:Web::web] urn: outputs may be registered only once per URN (was 'urn:pulumi:dev::proj::my:comp:Web::web')",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task RegisterResourceOutputs_ForCustomResource_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();
        var custom = await session.RegisterAsync(session.CustomRequest(Type, "s"));

        // Act
        await session.RegisterOutputsAsync(custom.Urn);

        // Assert
        Assert.Equal(
            $"RegisterResourceOutputs [{custom.Urn}] urn: must not name a custom resource (it would overwrite that resource's outputs) (was '{custom.Urn}')",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task RegisterResourceOutputs_UnregisteredUrn_IsRejected()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();
        const string urn = "urn:pulumi:dev::proj::my:comp:Web::nope";

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.RegisterOutputsAsync(urn));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"RegisterResourceOutputs [{urn}] urn: must be the URN of an already registered resource (was '{urn}')", error.Status.Detail);
    }

    [Fact]
    public async Task RegisterResourceOutputs_NullMemberInOutputs_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var stackUrn = await session.StartProgramAsync();

        // Act
        await session.RegisterOutputsAsync(stackUrn, EngineSession.Inputs(("endpoint", Value.ForNull())));

        // Assert
        Assert.Equal(
            $"RegisterResourceOutputs [{stackUrn}] outputs.endpoint: null-valued object members must be omitted (nulls are kept only inside lists) (was null)",
            Assert.Single(session.Engine.Violations).Message);
    }
}
