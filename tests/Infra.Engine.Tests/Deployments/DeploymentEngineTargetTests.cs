using System.Collections.Immutable;
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

/// <summary>Destroy and refresh limited by <c>--target</c>.</summary>
public sealed class DeploymentEngineTargetTests : IDisposable, IOperationObserver
{
    private const string StackUrn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private const string ProviderUrn = "urn:pulumi:dev::proj::pulumi:providers:test::default";

    private readonly TempDirectory _directory = new();
    private readonly List<OperationEvent> _events = [];
    private readonly LocalBackend _backend;
    private readonly TestProvider _provider = new();
    private readonly StackReference _stack = new("proj", "dev");

    public DeploymentEngineTargetTests()
    {
        _backend = new LocalBackend(_directory.Path, new LocalBackendOptions { LockId = "11111111-1111-4111-8111-111111111111" });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_DestroyWithTarget_DeletesTheTargetAndItsDependentsOnly()
    {
        // Arrange: b depends on a; c is independent
        await SeedAsync(("a", null), ("b", Urn("a")), ("c", null));

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Destroy, Urn("a")), this, Ct);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(2, result.Counts[StepKind.Delete]);
        var deletes = _provider.Calls.Where(c => c.Operation == ProviderOperation.Delete).Select(c => c.Urn).ToList();
        Assert.Equal([Urn("b"), Urn("a")], deletes);
        var state = await _backend.LoadAsync(_stack, crypter: null, Ct);
        Assert.Equal([StackUrn, ProviderUrn, Urn("c")], state!.Resources.Select(r => r.Urn));
    }

    [Fact]
    public async Task RunAsync_DestroyWithUnknownTargets_FailsListingThemAndDeletesNothing()
    {
        // Arrange
        await SeedAsync(("a", null));

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Destroy, Urn("a"), Urn("nope"), Urn("gone")), this, Ct);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(
            $"--target names 2 resources that are neither in the stack's state nor registered by the program: '{Urn("gone")}', '{Urn("nope")}'. " +
            "Check the URNs (they are case-sensitive) against the stack's resources.",
            Assert.Single(result.Failures));
        Assert.DoesNotContain(_provider.Calls, c => c.Operation == ProviderOperation.Delete);
        var state = await _backend.LoadAsync(_stack, crypter: null, Ct);
        Assert.Contains(state!.Resources, r => r.Urn == Urn("a"));
    }

    [Fact]
    public async Task RunAsync_RefreshWithTarget_ReadsOnlyTheTarget()
    {
        // Arrange
        await SeedAsync(("a", null), ("b", null));
        _provider.InjectDrift(Urn("a"), "value", PropertyValue.Create("drifted"));
        _provider.InjectDrift(Urn("b"), "value", PropertyValue.Create("drifted"));

        // Act
        var result = await new DeploymentEngine().RunAsync(Request(OperationKind.Refresh, Urn("b")), this, Ct);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal([Urn("b")], _provider.Calls.Where(c => c.Operation == ProviderOperation.Read).Select(c => c.Urn));
        var state = await _backend.LoadAsync(_stack, crypter: null, Ct);
        Assert.Equal(PropertyValue.Create("a"), state!.Resources.Single(r => r.Urn == Urn("a")).Outputs["value"]);
        Assert.Equal(PropertyValue.Create("drifted"), state.Resources.Single(r => r.Urn == Urn("b")).Outputs["value"]);
    }

    ValueTask IOperationObserver.OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(operationEvent);
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();

    private static string Urn(string name) => $"urn:pulumi:dev::proj::{TestProvider.ResourceType}::{name}";

    /// <summary>Creates each resource in the test provider and records it (with its one dependency, if any) in the stack's state.</summary>
    private async Task SeedAsync(params (string Name, string? DependsOn)[] resources)
    {
        var states = new List<ResourceState>
        {
            new() { Urn = StackUrn, Type = WireConstants.StackType, Custom = false },
            new() { Urn = ProviderUrn, Type = "pulumi:providers:test", Custom = true, Id = "pid" },
        };
        foreach (var (name, dependsOn) in resources)
        {
            var inputs = PropertyMaps.Create([KeyValuePair.Create("value", PropertyValue.Create(name))]);
            var created = await _provider.CreateAsync(new CreateRequest { Urn = Urn(name), Inputs = inputs }, Ct);
            states.Add(new ResourceState
            {
                Urn = Urn(name),
                Type = TestProvider.ResourceType,
                Custom = true,
                Id = created.Id,
                Parent = StackUrn,
                Provider = $"{ProviderUrn}::pid",
                Inputs = inputs,
                Outputs = created.Outputs,
                Dependencies = dependsOn is null ? [] : [dependsOn],
            });
        }

        await _backend.CreateStackAsync(_stack, secretsProvider: null, Ct);
        await using var setup = await _backend.BeginUpdateAsync(_stack, UpdateKind.Update, crypter: null, Ct);
        await setup.UpdateAsync(s => s with { Resources = [.. states] }, Ct);
    }

    private OperationRequest Request(OperationKind kind, params string[] targets) => new()
    {
        Kind = kind,
        Project = ProjectLoader.Parse("name: proj\nruntime: dotnet\n", Path.Combine(_directory.Path, "Pulumi.yaml")),
        Stack = _stack,
        Backend = _backend,
        StackSettings = new StackSettingsFile(),
        BuiltInProviders = new Dictionary<string, ProviderFactory> { [TestProvider.PackageName] = _provider.Factory },
        Parallel = 2,
        Targets = [.. targets],
    };
}
