using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.EndToEnd.Tests.Harness;
using Infra.Protocol.Values;

namespace Infra.EndToEnd.Tests.Minimal;

/// <summary>samples/Minimal through the whole engine: preview, up, up again, a change, destroy.</summary>
public sealed class LifecycleTests(SamplePrograms programs)
{
    [Fact]
    public async Task Lifecycle_PreviewUpUpChangeDestroy_ConvergesAndLeavesNothing()
    {
        // Arrange
        using var workspace = await Workspace.CreateAsync(programs.MinimalDll);
        var token = TestContext.Current.CancellationToken;

        // Act: preview of a new stack
        var (preview, previewEvents) = await workspace.RunAsync(OperationKind.Preview, cancellationToken: token);

        // Assert: five creates planned, nothing real, nothing written
        Assert.True(preview.Succeeded, previewEvents.Explain(preview));
        Assert.Equal(5, preview.Counts.GetValueOrDefault(StepKind.Create));
        Assert.Empty(workspace.Provider.Resources);
        Assert.Empty((await workspace.ReadValidStateAsync()).Resources);
        Assert.Contains(previewEvents.Events, e => e is ResourceStepEvent { Urn: MinimalUrns.Page, Kind: StepKind.Create, Phase: StepPhase.Succeeded });
        Assert.True(preview.Outputs["url"].ContainsUnknowns);

        // Act: up
        var (up, upEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: token);

        // Assert: created, saved, outputs known, secret never in plaintext
        Assert.True(up.Succeeded, upEvents.Explain(up));
        Assert.Equal(5, up.Counts.GetValueOrDefault(StepKind.Create));
        Assert.Equal(2, workspace.Provider.Resources.Count);
        var state = await workspace.ReadValidStateAsync();
        Assert.Equal(MinimalUrns.All.Order(StringComparer.Ordinal), state.Resources.Select(r => r.Urn).Order(StringComparer.Ordinal));
        Assert.Empty(state.PendingOperations);
        var pageId = Assert.Single(workspace.Provider.Resources.Values, r => r.Urn == MinimalUrns.Page).Id;
        Assert.Equal(PropertyValue.Create(pageId), up.Outputs["pageId"]);
        Assert.Equal(PropertyValue.Create($"http://computed-{pageId}.lan/"), up.Outputs["url"]);
        Assert.Equal(up.Outputs, state.Resources.Single(r => r.Urn == MinimalUrns.Stack).Outputs);
        var settings = state.Resources.Single(r => r.Urn == MinimalUrns.Settings);
        Assert.Equal(PropertyValueKind.Secret, settings.Inputs["token"].Kind);
        Assert.DoesNotContain(Workspace.SecretToken, await File.ReadAllTextAsync(workspace.StateFilePath, cancellationToken: token), StringComparison.Ordinal);
        Assert.DoesNotContain(upEvents.AllText(), text => text.Contains(Workspace.SecretToken, StringComparison.Ordinal));
        Assert.Equal(5, upEvents.Events.OfType<ResourceStepEvent>().Count(e => e.Phase == StepPhase.Succeeded));

        // Act: up again with nothing changed
        var (again, againEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: token);

        // Assert: all same
        Assert.True(again.Succeeded, againEvents.Explain(again));
        Assert.Equal([StepKind.Same], again.Counts.Keys);
        Assert.Equal(5, again.Counts[StepKind.Same]);

        // Act: change the greeting
        workspace.SetGreeting("hi");
        var (change, changeEvents) = await workspace.RunAsync(OperationKind.Update, cancellationToken: token);

        // Assert: both resources updated in place, IDs kept
        Assert.True(change.Succeeded, changeEvents.Explain(change));
        Assert.Equal(2, change.Counts.GetValueOrDefault(StepKind.Update));
        Assert.Equal(0, change.Counts.GetValueOrDefault(StepKind.Create));
        Assert.Equal(0, change.Counts.GetValueOrDefault(StepKind.Delete));
        var update = Assert.Single(changeEvents.Events.OfType<ResourceStepEvent>(), e => e.Urn == MinimalUrns.Settings && e.Phase == StepPhase.Succeeded);
        var valueChange = Assert.Single(update.Changes, c => c.Path == "value");
        Assert.Equal(PropertyChangeKind.Update, valueChange.Kind);
        Assert.Equal(PropertyValue.Create("hi"), valueChange.New);
        var changed = await workspace.ReadValidStateAsync();
        Assert.Equal(PropertyValue.Create("hi"), changed.Resources.Single(r => r.Urn == MinimalUrns.Settings).Inputs["value"]);
        Assert.Equal(pageId, changed.Resources.Single(r => r.Urn == MinimalUrns.Page).Id);

        // Act: destroy
        var (destroy, destroyEvents) = await workspace.RunAsync(OperationKind.Destroy, cancellationToken: token);

        // Assert: everything deleted, dependents first
        Assert.True(destroy.Succeeded, destroyEvents.Explain(destroy));
        Assert.Equal(5, destroy.Counts.GetValueOrDefault(StepKind.Delete));
        Assert.Empty(workspace.Provider.Resources);
        Assert.Empty((await workspace.ReadValidStateAsync()).Resources);
        var deleted = destroyEvents.Events.OfType<ResourceStepEvent>().Where(e => e.Phase == StepPhase.Succeeded).Select(e => e.Urn).ToList();
        Assert.True(deleted.IndexOf(MinimalUrns.Page) < deleted.IndexOf(MinimalUrns.Provider));
        Assert.True(deleted.IndexOf(MinimalUrns.Site) < deleted.IndexOf(MinimalUrns.Stack));
    }

    [Fact]
    public async Task Preview_SourceProject_BuildsWithDotnetThenRunsTheProgram()
    {
        // Arrange: runtime dotnet without binary, main pointing at the copied sample's folder
        using var workspace = await Workspace.CreateAsync(programs.MinimalDll);
        await File.WriteAllTextAsync(workspace.ProjectFilePath, $"""
            name: minimal
            runtime: dotnet
            main: {programs.MinimalDirectory}
            """, TestContext.Current.CancellationToken);

        // Act
        var (result, events) = await workspace.RunAsync(OperationKind.Preview, programs.BuildEnvironment, TestContext.Current.CancellationToken);

        // Assert: the build's output was streamed, then the program planned its resources
        Assert.True(result.Succeeded, events.Explain(result));
        Assert.Contains(events.Events, e => e is DiagnosticEvent { Ephemeral: true, Message: var line } && line.Contains("Build succeeded", StringComparison.Ordinal));
        Assert.DoesNotContain(events.Events, e => e is ProgramOutputEvent { Line: var line } && line.Contains("Build succeeded", StringComparison.Ordinal));
        Assert.Equal(5, result.Counts.GetValueOrDefault(StepKind.Create));
    }
}
