using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.EndToEnd.Tests.Harness;
using Infra.Protocol.Values;

namespace Infra.EndToEnd.Tests.Minimal;

/// <summary>Failures of the program, of providers and of the run itself: state stays valid and a re-run converges.</summary>
public sealed class FaultTests(SamplePrograms programs)
{
    public enum Fault
    {
        /// <summary>The provider call throws.</summary>
        ProviderError,

        /// <summary>The run is cancelled (Ctrl-C) while the provider call is in flight.</summary>
        Cancellation,
    }

    [Fact]
    public async Task Update_ProgramThrows_NothingDeletedAndErrorShownWithTheResource()
    {
        // Arrange
        using var workspace = await Workspace.CreateAsync(programs.MinimalDll);
        var (first, firstEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(first.Succeeded, firstEvents.Explain(first));
        await workspace.UseProgramAsync(programs.ThrowingDll);

        // Act
        var (failed, events) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);

        // Assert: the error is attached to the component, nothing was deleted
        Assert.False(failed.Succeeded);
        var error = Assert.Single(events.Events.OfType<DiagnosticEvent>(), e => e.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("Infra.ResourceException: the site cannot be published: injected program failure", error.Message, StringComparison.Ordinal);
        Assert.Equal(MinimalUrns.Site, error.Urn);
        Assert.StartsWith($"{MinimalUrns.Site}: Infra.ResourceException: the site cannot be published", Assert.Single(failed.Failures), StringComparison.Ordinal);
        Assert.Equal(0, failed.Counts.GetValueOrDefault(StepKind.Delete));
        Assert.Equal(2, workspace.Provider.Resources.Count);
        var state = await workspace.ReadValidStateAsync();
        Assert.Equal(MinimalUrns.All.Order(StringComparer.Ordinal), state.Resources.Select(r => r.Urn).Order(StringComparer.Ordinal));
        Assert.Equal(first.Outputs, failed.Outputs);

        // Act: the fixed program runs again
        await workspace.UseProgramAsync(programs.MinimalDll);
        var (fixedRun, fixedEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(fixedRun.Succeeded, fixedEvents.Explain(fixedRun));
        Assert.Equal(0, fixedRun.Counts.GetValueOrDefault(StepKind.Create) + fixedRun.Counts.GetValueOrDefault(StepKind.Delete));
    }

    [Fact]
    public async Task Update_ProviderFailsMidRun_CompletedStepsSavedAndRerunConverges()
    {
        // Arrange
        using var workspace = await Workspace.CreateAsync(programs.MinimalDll);
        var (first, firstEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(first.Succeeded, firstEvents.Explain(first));
        workspace.SetGreeting("hi");
        workspace.Provider.OnCall = (call, _) => call is { Operation: ProviderOperation.Update, Urn: MinimalUrns.Page }
            ? throw new InvalidOperationException("the page service is down")
            : Task.CompletedTask;

        // Act
        var (failed, failedEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);

        // Assert: the settings update was saved, the page kept its old state, the failure names the page
        Assert.False(failed.Succeeded);
        Assert.Equal([$"{MinimalUrns.Page}: Update of '{MinimalUrns.Page}' failed: the page service is down"], failed.Failures);
        Assert.Contains(failedEvents.Events, e => e is ResourceStepEvent { Urn: MinimalUrns.Page, Phase: StepPhase.Failed });
        var state = await workspace.ReadValidStateAsync();
        Assert.Equal(PropertyValue.Create("hi"), state.Resources.Single(r => r.Urn == MinimalUrns.Settings).Inputs["value"]);
        Assert.StartsWith("hello from ", state.Resources.Single(r => r.Urn == MinimalUrns.Page).Inputs["value"].StringValue, StringComparison.Ordinal);
        Assert.Empty(state.PendingOperations);

        // Act: the provider recovers
        workspace.Provider.OnCall = null;
        var (rerun, rerunEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);
        var (settled, settledEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(rerun.Succeeded, rerunEvents.Explain(rerun));
        Assert.Equal(1, rerun.Counts.GetValueOrDefault(StepKind.Update));
        Assert.True(settled.Succeeded, settledEvents.Explain(settled));
        Assert.Equal([StepKind.Same], settled.Counts.Keys);
        var final = await workspace.ReadValidStateAsync();
        Assert.StartsWith("hi from ", final.Resources.Single(r => r.Urn == MinimalUrns.Page).Inputs["value"].StringValue, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Fault.ProviderError)]
    [InlineData(Fault.Cancellation)]
    public async Task Scenario_FaultAtEveryStepBoundary_StateStaysValidAndRerunConverges(Fault fault)
    {
        // Arrange: the scenario is "up with greeting hello" then "up with greeting hi"; count its mutating calls
        var boundaries = await CountMutationsAsync();
        Assert.Equal(4, boundaries);

        for (var boundary = 1; boundary <= boundaries; boundary++)
        {
            using var workspace = await Workspace.CreateAsync(programs.MinimalDll);
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var calls = 0;
            var injected = false;
            workspace.Provider.OnCall = async (_, _) =>
            {
                if (Interlocked.Increment(ref calls) != boundary)
                {
                    return;
                }

                injected = true;
                if (fault == Fault.ProviderError)
                {
                    throw new InvalidOperationException($"injected fault at provider call {boundary}");
                }

                await cancel.CancelAsync();
            };

            foreach (var greeting in new[] { "hello", "hi" })
            {
                workspace.SetGreeting(greeting);

                // Act
                var (result, events) = await workspace.RunAsync(OperationKind.Update, cancellationToken: cancel.Token);
                if (cancel.IsCancellationRequested)
                {
                    cancel.Dispose();
                    cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                }

                if (!result.Succeeded)
                {
                    // Assert: the failing run left a valid state with nothing pending, then a clean re-run converges
                    Assert.True(injected, events.Explain(result));
                    var afterFault = await workspace.ReadValidStateAsync();
                    Assert.Empty(afterFault.PendingOperations);
                    workspace.Provider.OnCall = null;
                    var (rerun, rerunEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);
                    Assert.True(rerun.Succeeded, $"boundary {boundary}: " + rerunEvents.Explain(rerun));
                }
            }

            cancel.Dispose();

            // Assert: exactly the intended resources, in state and in the provider, and nothing left to do
            Assert.True(injected, $"boundary {boundary} was never reached");
            var state = await workspace.ReadValidStateAsync();
            Assert.Equal(MinimalUrns.All.Order(StringComparer.Ordinal), state.Resources.Select(r => r.Urn).Order(StringComparer.Ordinal));
            Assert.Equal(
                state.Resources.Where(r => r.Type == "test:index:Resource").Select(r => r.Id).Order(StringComparer.Ordinal),
                workspace.Provider.Resources.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(PropertyValue.Create("hi"), workspace.Provider.Resources.Values.Single(r => r.Urn == MinimalUrns.Settings).Inputs["value"]);
            var (settled, settledEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(settled.Succeeded, settledEvents.Explain(settled));
            Assert.Equal([StepKind.Same], settled.Counts.Keys);
        }
    }

    private async Task<int> CountMutationsAsync()
    {
        using var workspace = await Workspace.CreateAsync(programs.MinimalDll);
        var calls = 0;
        workspace.Provider.OnCall = (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        };
        foreach (var greeting in new[] { "hello", "hi" })
        {
            workspace.SetGreeting(greeting);
            var (result, events) = await workspace.RunAsync(OperationKind.Update, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, events.Explain(result));
        }

        return calls;
    }
}
