using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;
using Infra.TestDoubles.Kubernetes;

namespace Infra.Kubernetes.Tests.Provider;

/// <summary>A started Kubernetes API double and a provider configured against it (fast polling, empty environment).</summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    private ProviderHarness(KubernetesApiServerDouble server, KubernetesProvider provider)
    {
        Server = server;
        Provider = provider;
    }

    public KubernetesApiServerDouble Server { get; }

    public KubernetesProvider Provider { get; }

    public static Func<string, string?> NoEnvironment { get; } = _ => null;

    public static async Task<ProviderHarness> StartAsync(
        IReadOnlyDictionary<string, PropertyValue>? extraConfig = null, TimeProvider? timeProvider = null, TimeSpan? pollInterval = null)
    {
        var server = new KubernetesApiServerDouble();
        await server.StartAsync(TestContext.Current.CancellationToken);
        var provider = new KubernetesProvider(timeProvider ?? TimeProvider.System, NoEnvironment, pollInterval ?? TimeSpan.FromMilliseconds(5));
        var config = new Dictionary<string, PropertyValue> { ["kubeconfig"] = PropertyValue.CreateSecret(PropertyValue.Create(server.KubeConfig())) };
        foreach (var (key, value) in extraConfig ?? new Dictionary<string, PropertyValue>())
        {
            config[key] = value;
        }

        await provider.ConfigureAsync(new ConfigureRequest { Config = PropertyMaps.Create(config) }, TestContext.Current.CancellationToken);
        return new ProviderHarness(server, provider);
    }

    public static string Urn(string type, string name) => $"urn:pulumi:dev::proj::{type}::{name}";

    public static ImmutableSortedDictionary<string, PropertyValue> Inputs(string json) =>
        KubernetesJson.FromJsonObject((JsonObject)JsonNode.Parse(json)!);

    public static ImmutableSortedDictionary<string, PropertyValue> Config(params (string Key, string Value)[] values) =>
        PropertyMaps.Create(values.Select(v => KeyValuePair.Create(v.Key, PropertyValue.Create(v.Value))));

    /// <summary>Check (must pass) then Create.</summary>
    public async Task<Applied> CreateAsync(string type, string name, string json, IProgress<string>? progress = null, TimeSpan? timeout = null)
    {
        var urn = Urn(type, name);
        var inputs = await CheckAsync(Provider, urn, Inputs(json));
        var result = await Provider.CreateAsync(
            new CreateRequest { Urn = urn, Inputs = inputs, Progress = progress, Timeout = timeout }, TestContext.Current.CancellationToken);
        return new Applied(urn, result.Id!, inputs, result.Outputs);
    }

    /// <summary>Check against the old inputs (must pass) then Update.</summary>
    public async Task<Applied> UpdateAsync(Applied old, string json, IProgress<string>? progress = null)
    {
        var inputs = await CheckAsync(Provider, old.Urn, Inputs(json), old.Inputs);
        var result = await Provider.UpdateAsync(
            new UpdateRequest { Urn = old.Urn, Id = old.Id, OldInputs = old.Inputs, OldOutputs = old.Outputs, NewInputs = inputs, Progress = progress },
            TestContext.Current.CancellationToken);
        return old with { Inputs = inputs, Outputs = result.Outputs };
    }

    public static async Task<ImmutableSortedDictionary<string, PropertyValue>> CheckAsync(
        KubernetesProvider provider, string urn, ImmutableSortedDictionary<string, PropertyValue> news, ImmutableSortedDictionary<string, PropertyValue>? olds = null)
    {
        var check = await provider.CheckAsync(new CheckRequest { Urn = urn, Olds = olds ?? PropertyMaps.Empty, News = news }, TestContext.Current.CancellationToken);
        Assert.Empty(check.Failures);
        return check.Inputs;
    }

    public ValueTask DisposeAsync()
    {
        Provider.Dispose();
        return Server.DisposeAsync();
    }
}
