using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;

namespace Infra.Benchmarks.Kubernetes;

/// <summary>
/// The provider's own share of <c>k8s-render</c>: Check + Create (render mode) of the same objects as the generated
/// program, called directly on <see cref="KubernetesProvider"/> without the engine or a program process.
/// </summary>
internal static class KubernetesRenderProviderOnly
{
    public static async Task<TimeSpan> RunAsync(string directory, int count)
    {
        var provider = new KubernetesProvider(TimeProvider.System);
        await provider.ConfigureAsync(new ConfigureRequest
        {
            Config = PropertyMaps.Create([KeyValuePair.Create("renderYamlToDirectory", Infra.Protocol.Values.PropertyValue.Create(directory))]),
        });
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (type, json) = Object(i);
            var urn = $"urn:pulumi:dev::k8srender::{type}::{(i == 0 ? "apps" : $"app-{i}")}";
            var check = await provider.CheckAsync(new CheckRequest { Urn = urn, Olds = PropertyMaps.Empty, News = KubernetesJson.FromJsonObject(json) });
            await provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = check.Inputs });
        }

        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    private static (string Type, JsonObject Json) Object(int i)
    {
        if (i == 0)
        {
            return ("kubernetes:core/v1:Namespace", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "apps" } });
        }

        var name = $"app-{i}";
        JsonObject Labels() => new() { ["app"] = name, ["tier"] = "bench" };
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = "apps", ["labels"] = Labels() };
        return (i % 4) switch
        {
            0 => ("kubernetes:apps/v1:Deployment", new JsonObject
            {
                ["metadata"] = metadata,
                ["spec"] = new JsonObject
                {
                    ["replicas"] = 2,
                    ["selector"] = new JsonObject { ["matchLabels"] = Labels() },
                    ["template"] = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["labels"] = Labels() },
                        ["spec"] = new JsonObject
                        {
                            ["containers"] = new JsonArray(new JsonObject
                            {
                                ["name"] = "web", ["image"] = "nginx:1.27", ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
                            }),
                        },
                    },
                },
            }),
            1 => ("kubernetes:core/v1:Service", new JsonObject
            {
                ["metadata"] = metadata,
                ["spec"] = new JsonObject { ["selector"] = Labels(), ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
            }),
            _ => ("kubernetes:core/v1:ConfigMap", new JsonObject
            {
                ["metadata"] = metadata,
                ["data"] = new JsonObject { ["index"] = i.ToString(CultureInfo.InvariantCulture), ["mode"] = "fast", ["enabled"] = "true" },
            }),
        };
    }
}
