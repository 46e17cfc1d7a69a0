using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Planning;

/// <summary>A registry with the test provider registered as an explicit provider, plus builders for goals and state.</summary>
internal sealed class EngineFixture
{
    public const string Stack = "dev";
    public const string Project = "proj";
    public const string ProviderId = "11111111-2222-3333-4444-555555555555";

    public EngineFixture(TimeProvider? timeProvider = null)
    {
        Provider = new TestProvider(timeProvider);
        Registry = new ProviderRegistry([KeyValuePair.Create(TestProvider.PackageName, Provider.Factory)], () => "new-provider-id");
        ProviderUrn = ResourceUrn.Create(Stack, Project, null, "pulumi:providers:test", "p");
        ProviderRef = $"{ProviderUrn}::{ProviderId}";
        Registry.Register(new ProviderReference(ProviderUrn, ProviderId), Provider);
    }

    public TestProvider Provider { get; }

    public ProviderRegistry Registry { get; }

    public string ProviderUrn { get; }

    public string ProviderRef { get; }

    public static string Urn(string name, string type = TestProvider.ResourceType) => ResourceUrn.Create(Stack, Project, null, type, name);

    public static PropertyValue S(string value) => PropertyValue.Create(value);

    public static ImmutableSortedDictionary<string, PropertyValue> Map(params (string Key, PropertyValue Value)[] members) =>
        PropertyMaps.Create(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    public static PropertyValue Obj(params (string Key, PropertyValue Value)[] members) => PropertyValue.CreateObject(Map(members));

    public Planner NewPlanner(IEnumerable<ResourceState>? old = null, bool preview = false, ImmutableArray<string> targets = default) =>
        new(new PlannerOptions { Stack = Stack, Project = Project, OldResources = [.. old ?? []], Preview = preview, Targets = targets.IsDefault ? [] : targets }, Registry);

    public ResourceGoal Goal(string name, params (string Key, PropertyValue Value)[] inputs) => new()
    {
        Type = TestProvider.ResourceType,
        Name = name,
        Custom = true,
        Provider = ProviderRef,
        Inputs = Map(inputs),
    };

    public ResourceState State(string name, params (string Key, PropertyValue Value)[] inputs) => new()
    {
        Urn = Urn(name),
        Type = TestProvider.ResourceType,
        Custom = true,
        Id = name + "-id",
        Inputs = Map(inputs),
        Outputs = Map(inputs),
        Provider = ProviderRef,
    };

    public ResourceState ProviderState() => new()
    {
        Urn = ProviderUrn,
        Type = "pulumi:providers:test",
        Custom = true,
        Id = ProviderId,
    };
}
