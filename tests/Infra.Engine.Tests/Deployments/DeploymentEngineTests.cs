using System.Collections.Concurrent;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.Projects;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Engine.Tests.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Deployments;

/// <summary>Engine runs that need no program: lock refusal, interrupted operations, destroy and refresh.</summary>
public sealed class DeploymentEngineTests : IDisposable, IOperationObserver
{
    private const string StackUrn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private const string ProviderUrn = "urn:pulumi:dev::proj::pulumi:providers:test::default";
    private const string ResourceUrn = "urn:pulumi:dev::proj::test:index:Resource::a";

    private readonly TempDirectory _directory = new();
    private readonly ConcurrentQueue<OperationEvent> _events = new();
    private readonly LocalBackend _backend;
    private readonly TestProvider _provider = new();
    private readonly StackReference _stack = new("proj", "dev");

    public DeploymentEngineTests()
    {
        _backend = new LocalBackend(_directory.Path, new LocalBackendOptions { LockId = "11111111-1111-4111-8111-111111111111" });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_UpdateOfLockedStack_FailsWithTheLockMessage()
    {
        // Arrange
        await _backend.CreateStackAsync(_stack, secretsProvider: null, Ct);
        var other = new LocalBackend(_directory.Path, new LocalBackendOptions { LockId = "22222222-2222-4222-8222-222222222222" });
        await using var held = await other.AcquireLockAsync(_stack, Ct);

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Update), this, Ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.StartsWith("the stack is currently locked by 1 lock(s).", Assert.Single(result.Failures), StringComparison.Ordinal);
        var events = _events.ToList();
        Assert.Equal(new OperationStartedEvent(OperationKind.Update, "proj", "dev"), events[0]);
        Assert.IsType<DiagnosticEvent>(events[1]);
        Assert.Equal(result, Assert.IsType<OperationFinishedEvent>(events[^1]).Result);
    }

    [Fact]
    public async Task RunAsync_DestroyAfterInterruptedRun_WarnsListingPendingOperationsAndClearsThem()
    {
        // Arrange: a run died while creating 'a'
        await _backend.CreateStackAsync(_stack, secretsProvider: null, Ct);
        var crashed = await _backend.BeginUpdateAsync(_stack, UpdateKind.Update, crypter: null, Ct);
        await crashed.UpdateAsync(s => s.WithResource(new ResourceState { Urn = StackUrn, Type = WireConstants.StackType, Custom = false }), Ct);
        await crashed.BeginOperationAsync(new ResourceState { Urn = ResourceUrn, Type = TestProvider.ResourceType, Custom = true }, PendingOperationType.Creating, Ct);
        await crashed.DisposeAsync();

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Destroy), this, Ct);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Failures));
        var warning = Assert.Single(_events.OfType<DiagnosticEvent>(), e => e.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Attempting to deploy or update resources with 1 pending operations from previous deployment.",
                $"  * {ResourceUrn}, interrupted while creating",
                string.Empty,
                "These resources are in an unknown state because the engine was interrupted while waiting for changes to them to complete. " +
                "Check with the provider whether the operations listed completed, then run `infra refresh` to bring the state in line."),
            warning.Message);
        Assert.Equal(1, result.Counts[StepKind.Delete]);
        var state = await _backend.LoadAsync(_stack, crypter: null, Ct);
        Assert.Empty(state!.PendingOperations);
        Assert.Empty(state.Resources);
    }

    [Fact]
    public async Task RunAsync_RefreshWithDrift_SavesLiveOutputsAndReportsTheChange()
    {
        // Arrange
        await SeedOneResourceAsync();
        _provider.InjectDrift(ResourceUrn, "value", PropertyValue.Create("b"));

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Refresh), this, Ct);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(1, result.Counts[StepKind.Refresh]);
        var refreshed = Assert.Single(_events.OfType<ResourceStepEvent>(), e => e.Phase == StepPhase.Succeeded);
        Assert.Equal([new PropertyChange("value", PropertyChangeKind.Update, PropertyValue.Create("a"), PropertyValue.Create("b"))], refreshed.Changes);
        var state = await _backend.LoadAsync(_stack, crypter: null, Ct);
        Assert.Equal(PropertyValue.Create("b"), state!.Resources.Single(r => r.Urn == ResourceUrn).Outputs["value"]);
    }

    [Fact]
    public async Task RunAsync_ProviderReportsProgress_EmitsProgressEventsWhileTheStepRuns()
    {
        // Arrange
        await SeedOneResourceAsync();
        _provider.OnCall = (call, _) =>
        {
            call.Progress?.Report("waiting for the API: 1/2");
            call.Progress?.Report("   ");
            return Task.CompletedTask;
        };

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Refresh), this, Ct);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Failures));
        var phases = _events.OfType<ResourceStepEvent>().Where(e => e.Urn == ResourceUrn).Select(e => (e.Phase, e.Message)).ToArray();
        Assert.Equal([(StepPhase.Started, null), (StepPhase.Progress, "waiting for the API: 1/2"), (StepPhase.Succeeded, null)], phases);
    }

    /// <summary>State with the stack, the default test provider and one test resource that exists in the provider.</summary>
    private async Task SeedOneResourceAsync()
    {
        var created = await _provider.CreateAsync(
            new CreateRequest { Urn = ResourceUrn, Inputs = PropertyMaps.Create([KeyValuePair.Create("value", PropertyValue.Create("a"))]) }, Ct);
        await _backend.CreateStackAsync(_stack, secretsProvider: null, Ct);
        await using (var setup = await _backend.BeginUpdateAsync(_stack, UpdateKind.Update, crypter: null, Ct))
        {
            await setup.UpdateAsync(
                s => s with
                {
                    Resources =
                    [
                        new ResourceState { Urn = StackUrn, Type = WireConstants.StackType, Custom = false },
                        new ResourceState { Urn = ProviderUrn, Type = "pulumi:providers:test", Custom = true, Id = "pid" },
                        new ResourceState
                        {
                            Urn = ResourceUrn,
                            Type = TestProvider.ResourceType,
                            Custom = true,
                            Id = created.Id,
                            Parent = StackUrn,
                            Provider = $"{ProviderUrn}::pid",
                            Inputs = PropertyMaps.Create([KeyValuePair.Create("value", PropertyValue.Create("a"))]),
                            Outputs = created.Outputs,
                        },
                    ],
                },
                Ct);
        }
    }

    ValueTask IOperationObserver.OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(operationEvent);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();

    private OperationRequest Request(OperationKind kind) => new()
    {
        Kind = kind,
        Project = ProjectLoader.Parse("name: proj\nruntime: dotnet\n", Path.Combine(_directory.Path, "Pulumi.yaml")),
        Stack = _stack,
        Backend = _backend,
        StackSettings = new StackSettingsFile(),
        BuiltInProviders = new Dictionary<string, ProviderFactory> { [TestProvider.PackageName] = _provider.Factory },
        Parallel = 2,
    };
}
