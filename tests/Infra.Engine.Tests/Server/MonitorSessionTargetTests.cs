using Grpc.Core;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Server;

/// <summary>RegisterResource under <c>--target</c>, and delete-before-replace whose create fails.</summary>
public sealed class MonitorSessionTargetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterResource_UntargetedExistingResource_AnsweredFromOldStateWithoutCallingTheProvider()
    {
        // Arrange: a first run creates a and b; the second targets only b and changes both
        await using var first = await ServerHarness.StartAsync();
        await first.RegisterStackAsync(Ct);
        var createdA = await first.Client.RegisterResourceAsync(first.Custom("a", "one"), cancellationToken: Ct);
        await first.Client.RegisterResourceAsync(first.Custom("b", "one"), cancellationToken: Ct);
        await using var second = await ServerHarness.StartAsync(
            oldResources: first.Session!.Snapshot.Resources, targets: [ServerHarness.Urn("b")], provider: first.Provider);
        var callsBefore = first.Provider.Calls.Count;
        await second.RegisterStackAsync(Ct);

        // Act
        var a = await second.Client.RegisterResourceAsync(second.Custom("a", "two"), cancellationToken: Ct);
        var b = await second.Client.RegisterResourceAsync(second.Custom("b", "two"), cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Success, a.Result);
        Assert.Equal(createdA.Id, a.Id);
        Assert.Equal(PropertyValue.Create("one"), StructEncoding.FromStruct(a.Object)["value"]);
        Assert.Equal(PropertyValue.Create("two"), StructEncoding.FromStruct(b.Object)["value"]);
        var calls = first.Provider.Calls.Skip(callsBefore).ToList();
        Assert.DoesNotContain(calls, c => c.Urn == ServerHarness.Urn("a"));
        Assert.Contains(calls, c => c.Urn == ServerHarness.Urn("b") && c.Operation == ProviderOperation.Update);
        var state = second.Session!.Snapshot.Resources;
        Assert.Equal(PropertyValue.Create("one"), state.Single(r => r.Urn == ServerHarness.Urn("a")).Inputs["value"]);
        Assert.Equal(PropertyValue.Create("two"), state.Single(r => r.Urn == ServerHarness.Urn("b")).Inputs["value"]);
    }

    [Fact]
    public async Task RegisterResource_UntargetedNewResourceWithResultReporting_AnswersSkipAndCreatesNothing()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(targets: [ServerHarness.Urn("b")]);
        await harness.RegisterStackAsync(Ct);

        // Act
        var a = await harness.Client.RegisterResourceAsync(harness.Custom("a", "one"), cancellationToken: Ct);
        var b = await harness.Client.RegisterResourceAsync(harness.Custom("b", "one"), cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Skip, a.Result);
        Assert.Equal(ServerHarness.Urn("a"), a.Urn);
        Assert.Equal(Result.Success, b.Result);
        Assert.DoesNotContain(harness.Provider.Calls, c => c.Urn == ServerHarness.Urn("a"));
        Assert.Empty(harness.Monitor.Failures);
        Assert.DoesNotContain(harness.Session!.Snapshot.Resources, r => r.Urn == ServerHarness.Urn("a"));
        Assert.Contains(harness.Session.Snapshot.Resources, r => r.Urn == ServerHarness.Urn("b"));
    }

    [Fact]
    public async Task RegisterResource_UntargetedNewResourceWithoutResultReporting_FailsNamingTheUrnAndTarget()
    {
        // Arrange
        await using var harness = await ServerHarness.StartAsync(preview: true, targets: [ServerHarness.Urn("b")]);
        await harness.RegisterStackAsync(Ct);
        var request = harness.Custom("a", "one");
        request.SupportsResultReporting = false;

        // Act
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await harness.Client.RegisterResourceAsync(request, cancellationToken: Ct));

        // Assert
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        var urn = ServerHarness.Urn("a");
        var expected = $"Resource '{urn}' is not in --target and does not exist yet, so it was not created. Add it to --target (--target '{urn}') to create it.";
        Assert.Equal([$"{urn}: {expected}"], harness.Monitor.Failures);
        Assert.Contains(harness.Events.OfType<DiagnosticEvent>(), e => e.Severity == DiagnosticSeverity.Error && e.Message == expected);
    }

    [Fact]
    public async Task RegisterResource_DeleteBeforeReplaceWhoseCreateFails_RecordsPendingReplacementAndNextRunCreatesIt()
    {
        // Arrange: a exists; the provider demands delete-before-replace and its create then fails
        await using var first = await ServerHarness.StartAsync();
        await first.RegisterStackAsync(Ct);
        var request = first.Custom("a", "one");
        request.Object.Fields["forceNew"] = StructEncoding.ToValue(PropertyValue.Create("1"));
        var created = await first.Client.RegisterResourceAsync(request, cancellationToken: Ct);
        await using var second = await ServerHarness.StartAsync(oldResources: first.Session!.Snapshot.Resources, provider: first.Provider);
        await second.RegisterStackAsync(Ct);
        second.Provider.RequireDeleteBeforeReplace(TestProvider.ResourceType);
        second.Provider.FailOn(ServerHarness.Urn("a"), ProviderOperation.Create, "quota exceeded");
        request.Object.Fields["forceNew"] = StructEncoding.ToValue(PropertyValue.Create("2"));

        // Act
        var failed = await second.Client.RegisterResourceAsync(request, cancellationToken: Ct);
        var afterFailure = second.Session!.Snapshot;
        await using var third = await ServerHarness.StartAsync(oldResources: afterFailure.Resources);
        await third.RegisterStackAsync(Ct);
        var recreated = await third.Client.RegisterResourceAsync(request, cancellationToken: Ct);

        // Assert
        Assert.Equal(Result.Fail, failed.Result);
        Assert.Empty(second.Provider.Resources);
        var pending = afterFailure.Resources.Single(r => r.Urn == ServerHarness.Urn("a"));
        Assert.True(pending.PendingReplacement);
        Assert.Equal(created.Id, pending.Id);
        Assert.Empty(afterFailure.PendingOperations);
        Assert.Equal(Result.Success, recreated.Result);
        Assert.Contains(third.Provider.Calls, c => c.Urn == ServerHarness.Urn("a") && c.Operation == ProviderOperation.Create);
        Assert.DoesNotContain(third.Provider.Calls, c => c.Urn == ServerHarness.Urn("a") && c.Operation == ProviderOperation.Delete);
        var final = Assert.Single(third.Session!.Snapshot.Resources, r => r.Urn == ServerHarness.Urn("a"));
        Assert.False(final.PendingReplacement);
        Assert.Equal(recreated.Id, final.Id);
        Assert.Equal(PropertyValue.Create("2"), final.Inputs["forceNew"]);
    }
}
