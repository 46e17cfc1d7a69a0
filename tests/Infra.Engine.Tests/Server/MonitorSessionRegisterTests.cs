using Grpc.Core;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Server;

/// <summary>RegisterResource over real gRPC: URNs, IDs, outputs, default providers, state, failures.</summary>
public sealed class MonitorSessionRegisterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterResource_CustomInUpdate_CreatesWithDefaultProviderAndReturnsIdAndOutputs()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        var stack = await harness.RegisterStackAsync(Ct);

        // Act
        var first = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);
        var second = await harness.Client.RegisterResourceAsync(harness.Custom("b", "two"), cancellationToken: Ct);

        // Assert
        Assert.Equal(harness.StackUrn, stack.Urn);
        Assert.Equal(ServerHarness.Urn("a"), first.Urn);
        Assert.Equal(Result.Success, first.Result);
        Assert.Equal("a-1", first.Id);
        var outputs = StructEncoding.FromStruct(first.Object);
        Assert.Equal(PropertyValue.Create("one"), outputs["value"]);
        Assert.Equal(PropertyValue.Create("computed-a-1"), outputs["computed"]);
        Assert.Equal("b-2", second.Id);
        Assert.Single(harness.Provider.Calls, c => c.Operation == ProviderOperation.Configure);
        var state = harness.Session!.Snapshot;
        Assert.Equal(
            [harness.StackUrn, "urn:pulumi:dev::proj::pulumi:providers:test::default", ServerHarness.Urn("a"), ServerHarness.Urn("b")],
            state.Resources.Select(r => r.Urn));
        Assert.StartsWith("urn:pulumi:dev::proj::pulumi:providers:test::default::", state.Resources[2].Provider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterResource_Preview_ReturnsEmptyIdUnknownSentinelsAndCreatesNothing()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);
        await harness.RegisterStackAsync(Ct);

        // Act
        var response = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);

        // Assert
        Assert.Equal(string.Empty, response.Id);
        Assert.Equal(WireConstants.UnknownStringSentinel, response.Object.Fields["computed"].StringValue);
        Assert.Empty(harness.Provider.Resources);
        Assert.All(harness.Provider.Calls.Where(c => c.Operation == ProviderOperation.Create), c => Assert.True(c.Preview));
    }

    [Fact]
    public async Task RegisterResource_WithoutPartialValues_DropsTopLevelOutputsWithUnknowns()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true);
        await harness.RegisterStackAsync(Ct);
        var request = harness.Custom("a", "one");
        request.SupportsPartialValues = false;

        // Act
        var response = await harness.Client.RegisterResourceAsync(request, cancellationToken: Ct);

        // Assert
        Assert.Equal(["value"], response.Object.Fields.Keys);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RegisterResource_SecretOutput_WrappedOnlyWhenSecretsAccepted(bool acceptSecrets)
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        var request = harness.Custom("s", "one", TestProvider.SecretType);
        request.AcceptSecrets = acceptSecrets;

        // Act
        var response = await harness.Client.RegisterResourceAsync(request, cancellationToken: Ct);

        // Assert
        var secret = StructEncoding.FromStruct(response.Object)["secret"];
        Assert.Equal(acceptSecrets ? PropertyValue.CreateSecret(PropertyValue.Create("s3cr3t-s-1")) : PropertyValue.Create("s3cr3t-s-1"), secret);
    }

    [Fact]
    public async Task RegisterResource_ResourceReferenceWithoutAcceptResources_SendsTheId()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        var request = harness.Custom("a", "one");
        request.Object.Fields["ref"] = StructEncoding.ToValue(PropertyValue.CreateResourceReference(new ResourceReferenceValue(ServerHarness.Urn("x"), "x-id")));
        request.AcceptResources = false;

        // Act
        var response = await harness.Client.RegisterResourceAsync(request, cancellationToken: Ct);

        // Assert
        Assert.Equal("x-id", response.Object.Fields["ref"].StringValue);
    }

    [Fact]
    public async Task RegisterResource_Component_ReturnsEmptyObjectAndIsRecorded()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);

        // Act
        var component = await harness.Client.RegisterResourceAsync(new RegisterResourceRequest
        {
            Type = "my:index:Site",
            Name = "site",
            Parent = harness.StackUrn,
            Object = StructEncoding.ToStruct([KeyValuePair.Create("x", PropertyValue.Create("y"))]),
            SupportsResultReporting = true,
        }, cancellationToken: Ct);
        var child = await harness.Client.RegisterResourceAsync(harness.Custom("site-page", "p", parent: component.Urn), cancellationToken: Ct);

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::my:index:Site::site", component.Urn);
        Assert.Equal(string.Empty, component.Id);
        Assert.Empty(component.Object.Fields);
        Assert.Equal(ServerHarness.Urn("site-page", parentType: "my:index:Site"), child.Urn);
        var recorded = Assert.Single(harness.Session!.Snapshot.Resources, r => r.Urn == component.Urn);
        Assert.False(recorded.Custom);
        Assert.Null(recorded.Id);
    }

    [Fact]
    public async Task RegisterResource_DuplicateUrn_FailsWithTheEngineMessage()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);

        // Act
        var duplicate = await harness.Client.RegisterResourceAsync(harness.Custom("a", "two"), cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Fail, duplicate.Result);
        var expected = $"Duplicate resource URN '{ServerHarness.Urn("a")}'; try giving it a unique name.";
        var diagnostic = Assert.Single(harness.Events.OfType<DiagnosticEvent>(), e => e.Severity == DiagnosticSeverity.Error);
        Assert.Equal(expected, diagnostic.Message);
        Assert.Equal(ServerHarness.Urn("a"), diagnostic.Urn);
        Assert.Equal([$"{ServerHarness.Urn("a")}: {expected}"], harness.Monitor.Failures);
    }

    [Fact]
    public async Task RegisterResource_InvalidRequest_InvalidArgumentListsEveryProblem()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        var request = harness.Custom("a", "one", type: "notatoken");
        request.Parent = "not-a-urn";
        request.Version = "v1.2.3";

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(async () => await harness.Client.RegisterResourceAsync(request, cancellationToken: Ct));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "RegisterResource: invalid request:",
                "  - type: a custom resource needs a type token '<package>:<module>:<Type>' (was 'notatoken')",
                "  - parent: must be a URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was 'not-a-urn')",
                "  - version: must be strict semver without a leading 'v', e.g. '4.18.1' (was 'v1.2.3')"),
            error.Status.Detail);
    }

    [Fact]
    public async Task RegisterResource_ProviderFails_ResultFailWithReportingAndInternalWithout()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        harness.Provider.FailOn(ServerHarness.Urn("a"), ProviderOperation.Create, "quota exceeded");
        harness.Provider.FailOn(ServerHarness.Urn("b"), ProviderOperation.Create, "quota exceeded");
        var withoutReporting = harness.Custom("b", "two");
        withoutReporting.SupportsResultReporting = false;

        // Act
        var reported = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await harness.Client.RegisterResourceAsync(withoutReporting, cancellationToken: Ct));

        // Assert
        Assert.Equal(Result.Fail, reported.Result);
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        var failed = Assert.Single(harness.Events.OfType<ResourceStepEvent>(), e => e.Phase == StepPhase.Failed);
        Assert.Equal($"Create of '{ServerHarness.Urn("a")}' failed: quota exceeded", failed.Message);
        Assert.DoesNotContain(harness.Session!.Snapshot.Resources, r => r.Urn == ServerHarness.Urn("a"));
        Assert.Empty(harness.Session.Snapshot.PendingOperations);
    }

    [Fact]
    public async Task RegisterResource_Create_RecordsPendingOperationBeforeTheProviderCall()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        var seen = new List<string>();
        harness.Provider.OnCall = async (call, _) =>
        {
            if (call.Operation == ProviderOperation.Create)
            {
                var data = await File.ReadAllBytesAsync(harness.StateFile, CancellationToken.None);
                var snapshot = CheckpointSerializer.ReadCheckpoint(data, harness.Crypter, harness.StateFile).Latest!;
                seen.AddRange(snapshot.PendingOperations.Select(p => p.Describe()));
            }
        };

        // Act
        await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);

        // Assert
        Assert.Equal([$"{ServerHarness.Urn("a")}, interrupted while creating"], seen);
        Assert.Empty(harness.Session!.Snapshot.PendingOperations);
    }

    [Fact]
    public async Task RegisterResource_ExplicitProvider_UsedInsteadOfTheDefault()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync();
        await harness.RegisterStackAsync(Ct);
        var provider = await harness.Client.RegisterResourceAsync(new RegisterResourceRequest
        {
            Type = "pulumi:providers:test",
            Name = "explicit",
            Parent = harness.StackUrn,
            Custom = true,
            Version = "1.2.3",
            Object = new Google.Protobuf.WellKnownTypes.Struct(),
            SupportsResultReporting = true,
        }, cancellationToken: Ct);
        var request = harness.Custom("a", "one");
        request.Provider = $"{provider.Urn}::{provider.Id}";

        // Act
        var response = await harness.Client.RegisterResourceAsync(request, cancellationToken: Ct);

        // Assert
        Assert.True(Guid.TryParse(provider.Id, out _));
        Assert.Equal(Result.Success, response.Result);
        Assert.DoesNotContain(harness.Session!.Snapshot.Resources, r => r.Urn.EndsWith("::default", StringComparison.Ordinal));
        var recordedProvider = Assert.Single(harness.Session.Snapshot.Resources, r => r.Urn == provider.Urn);
        Assert.Equal(PropertyValue.Create("1.2.3"), recordedProvider.Inputs["version"]);
        Assert.Equal(request.Provider, harness.Session.Snapshot.Resources.Single(r => r.Urn == response.Urn).Provider);
    }

    [Fact]
    public async Task RegisterResource_DefaultProvider_ConfiguredFromStackConfigOfItsPackage()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(config: new Dictionary<string, string>
        {
            ["test:endpoint"] = "https://example.invalid",
            ["test:tokenSecret"] = "hunter2",
            ["proj:greeting"] = "hello",
        });
        await harness.RegisterStackAsync(Ct);

        // Act
        var response = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Success, response.Result);
        Assert.Equal(
            PropertyMaps.Create(
            [
                KeyValuePair.Create("endpoint", PropertyValue.Create("https://example.invalid")),
                KeyValuePair.Create("tokenSecret", PropertyValue.CreateSecret(PropertyValue.Create("hunter2"))),
            ]),
            harness.Provider.Configuration);
    }

    [Fact]
    public async Task RegisterResource_DefaultProvidersDisabled_FailsNamingTheConfigKey()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(config: new Dictionary<string, string> { ["pulumi:disable-default-providers"] = "[\"test\"]" });
        await harness.RegisterStackAsync(Ct);

        // Act
        var response = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Fail, response.Result);
        var diagnostic = Assert.Single(harness.Events.OfType<DiagnosticEvent>());
        Assert.Equal(
            "Default provider for package 'test' is disabled by config 'pulumi:disable-default-providers'; resources of package 'test' need an explicit provider.",
            diagnostic.Message);
    }

    [Fact]
    public async Task RegisterResource_UnchangedInUpdate_SameStepKeepsIdAndCallsNoMutation()
    {
        // Arrange
        var old = new ResourceState
        {
            Urn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev",
            Type = WireConstants.StackType,
            Custom = false,
        };
        await using var harness = await ServerHarness.StartAsync(oldResources: [old]);
        await harness.RegisterStackAsync(Ct);
        var created = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);

        // Act: a fresh session over the saved state registers the same inputs
        await using var second = await ServerHarness.StartAsync(oldResources: harness.Session!.Snapshot.Resources);
        await second.RegisterStackAsync(Ct);
        second.Provider.OnCall = (_, _) => throw new InvalidOperationException("no provider mutation expected");
        var again = await second.Client.RegisterResourceAsync(second.Custom("a", "one"), cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Success, again.Result);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(created.Object, again.Object);
        Assert.All(second.Events.OfType<ResourceStepEvent>(), e => Assert.Equal(Engine.Planning.StepKind.Same, e.Kind));
    }
}
