using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Invoke handlers and ReadResource hooks.</summary>
public sealed class StrictEngineInvokeReadTests
{
    private const string GetToken = "kubernetes:core/v1:getNamespace";

    [Fact]
    public async Task Invoke_ConfiguredHandler_AnswersAndKeepsSecrets()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            InvokeHandlers =
            {
                [GetToken] = request => new ResourceInvokeResponse
                {
                    Return = EngineSession.Inputs(("name", request.Args.Fields["name"]), ("token", OutputHooks.Secret(Value.ForString("t")))),
                },
            },
        };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var response = await session.InvokeAsync(new ResourceInvokeRequest { Tok = GetToken, Args = EngineSession.Inputs(("name", Value.ForString("default"))), AcceptResources = true });

        // Assert
        Assert.Equal("default", response.Return.Fields["name"].StringValue);
        Assert.Equal(WireConstants.SecretSignature, response.Return.Fields["token"].StructValue.Fields[WireConstants.SignatureKey].StringValue);
        session.Engine.AssertNoViolations();
    }

    [Fact]
    public async Task Invoke_HandlerWithFailures_ReturnsThem()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            InvokeHandlers = { [GetToken] = _ => new ResourceInvokeResponse { Failures = { new CheckFailure { Property = "name", Reason = "not found" } } } },
        };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        var response = await session.InvokeAsync(new ResourceInvokeRequest { Tok = GetToken, Args = new Struct() });

        // Assert
        var failure = Assert.Single(response.Failures);
        Assert.Equal("name", failure.Property);
        Assert.Equal("not found", failure.Reason);
    }

    [Fact]
    public async Task Invoke_UnknownArgument_IsReported()
    {
        // Arrange
        var options = new StrictEngineOptions { InvokeHandlers = { [GetToken] = _ => new ResourceInvokeResponse { Return = new Struct() } } };
        await using var session = await EngineSession.StartAsync(options);
        await session.StartProgramAsync();

        // Act
        await session.InvokeAsync(new ResourceInvokeRequest { Tok = GetToken, Args = EngineSession.Inputs(("name", OutputHooks.Unknown())) });

        // Assert
        Assert.Equal(
            $"Invoke [{GetToken}] args.name: invoke args must not contain unknown values (resolve the invoke as unknown without calling it) (was '{WireConstants.UnknownStringSentinel}')",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task Invoke_TwoPartToken_IsRejected()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.InvokeAsync(new ResourceInvokeRequest { Tok = "kubernetes:getNamespace", Args = new Struct() }));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("Invoke [kubernetes:getNamespace] tok: must have three non-empty parts 'pkg:module:function' (was 'kubernetes:getNamespace')", error.Status.Detail);
    }

    [Fact]
    public async Task Invoke_NoHandler_IsUnimplemented()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        await session.StartProgramAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.InvokeAsync(new ResourceInvokeRequest { Tok = GetToken, Args = new Struct() }));

        // Assert
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task ReadResource_StackReferenceHook_AnswersWithUrnAndProperties()
    {
        // Arrange
        var options = new StrictEngineOptions
        {
            ReadHandlers =
            {
                ["pulumi:pulumi:StackReference"] = request => EngineSession.Inputs(
                    ("name", Value.ForString(request.Id)),
                    ("outputs", Value.ForStruct(EngineSession.Inputs(("endpoint", Value.ForString("https://x"))))),
                    ("secretOutputNames", Value.ForList())),
            },
        };
        await using var session = await EngineSession.StartAsync(options);
        var stackUrn = await session.StartProgramAsync();

        // Act
        var response = await session.ReadAsync(new ReadResourceRequest
        {
            Id = "org/net/prod",
            Type = "pulumi:pulumi:StackReference",
            Name = "net",
            Parent = stackUrn,
            Properties = EngineSession.Inputs(("name", Value.ForString("org/net/prod"))),
            AcceptSecrets = true,
            AcceptResources = true,
        });

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:StackReference::net", response.Urn);
        Assert.Equal("https://x", response.Properties.Fields["outputs"].StructValue.Fields["endpoint"].StringValue);
        Assert.Equal(ResourceKind.Read, session.Engine.Resources.Single(r => r.Urn == response.Urn).Kind);
        session.Engine.AssertNoViolations();
    }

    [Fact]
    public async Task ReadResource_EmptyId_IsRejected()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(new StrictEngineOptions { ReadHandlers = { ["pulumi:pulumi:StackReference"] = _ => new Struct() } });
        var stackUrn = await session.StartProgramAsync();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => session.ReadAsync(new ReadResourceRequest
        {
            Type = "pulumi:pulumi:StackReference",
            Name = "net",
            Parent = stackUrn,
            AcceptSecrets = true,
            AcceptResources = true,
        }));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("ReadResource [pulumi:pulumi:StackReference::net] id: must not be empty (the ID of the resource to read) (was '')", error.Status.Detail);
    }

    [Fact]
    public async Task ReadResource_EmptyParent_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync(new StrictEngineOptions { ReadHandlers = { ["pulumi:pulumi:StackReference"] = _ => new Struct() } });
        await session.StartProgramAsync();

        // Act
        await session.ReadAsync(new ReadResourceRequest
        {
            Id = "org/net/prod",
            Type = "pulumi:pulumi:StackReference",
            Name = "net",
            AcceptSecrets = true,
            AcceptResources = true,
        });

        // Assert
        Assert.Equal(
            "ReadResource [pulumi:pulumi:StackReference::net] parent: must be the parent's URN (the stack URN when no other parent); '' is only for the root stack (was '')",
            Assert.Single(session.Engine.Violations).Message);
    }
}
