using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Infra.Engine.Providers;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Protocol.Values;
using Infra.TestDoubles.ProxmoxVE;

namespace Infra.Benchmarks.ProxmoxVE;

/// <summary>
/// <c>pve-clones [count] [cloneMs] [lockTimeoutMs]</c>: <c>count</c> VMs cloned in parallel from one template by the
/// built-in proxmoxve provider against the Proxmox VE double, which enforces Proxmox's lock semantics (each clone task
/// holds the template and storage locks for <c>cloneMs</c>; a contender that waits longer than <c>lockTimeoutMs</c>
/// fails with "can't lock file … got timeout"). Goal: every clone succeeds and the total time stays within
/// 1.2 × the serialized lower bound (count × cloneMs). For contrast it also fires the same clones straight at the
/// API without the provider's scheduling and counts the lock timeouts.
/// </summary>
internal static class PveClonesScenario
{
    private const int TemplateId = 9000;
    private const double Goal = 1.2;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var clone = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200);
        var lockTimeout = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500);
        var options = new ProxmoxVEDoubleOptions { CloneDuration = clone, LockTimeout = lockTimeout, TaskDuration = TimeSpan.FromMilliseconds(5) };

        var unscheduledFailures = await UnscheduledAsync(options, count);

        await using var server = await ProxmoxVEDouble.StartAsync(options);
        server.AddTemplate(TemplateId, "debian-12-template");
        var root = new ProxmoxVEProvider(TimeProvider.System, options: new ProxmoxVEProviderOptions { Environment = _ => null });
        var provider = root.Factory(ProxmoxVEProvider.PackageName, "8.0.0");
        await provider.ConfigureAsync(new ConfigureRequest
        {
            Config = PropertyMaps.Create([
                KeyValuePair.Create("endpoint", PropertyValue.Create(server.Endpoint.ToString())),
                KeyValuePair.Create("apiToken", PropertyValue.CreateSecret(PropertyValue.Create(server.ApiToken))),
            ]),
        });

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
        {
            try
            {
                var created = await provider.CreateAsync(new CreateRequest
                {
                    Urn = $"urn:pulumi:bench::pve::proxmoxve:index/vmLegacy:VmLegacy::node-{i}",
                    Inputs = Inputs($"node-{i}"),
                });
                return created.Id is not null;
            }
            catch (ProxmoxApiException e)
            {
                Console.Error.WriteLine($"node-{i}: {e.Message}");
                return false;
            }
        }));
        watch.Stop();

        var succeeded = results.Count(r => r);
        var lowerBound = clone * count;
        var ratio = watch.Elapsed / lowerBound;
        var ok = succeeded == count && ratio <= Goal;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pve-clones: {succeeded}/{count} clones succeeded in {watch.Elapsed.TotalMilliseconds:F0} ms; serialized lower bound {lowerBound.TotalMilliseconds:F0} ms " +
            $"({count} x {clone.TotalMilliseconds:F0} ms); ratio {ratio:F3} (goal <= {Goal}); lock timeouts {server.LockTimeouts}; " +
            $"max concurrent clone tasks {server.MaxConcurrentClones}; without the provider's scheduling {unscheduledFailures}/{count} clones failed " +
            $"with \"can't lock file\" (lock timeout {lockTimeout.TotalMilliseconds:F0} ms) -> {(ok ? "OK" : "GOAL MISSED")}"));
        return ok ? 0 : 1;
    }

    private static ImmutableSortedDictionary<string, PropertyValue> Inputs(string name) => PropertyMaps.Create([
        KeyValuePair.Create("nodeName", PropertyValue.Create("pve")),
        KeyValuePair.Create("name", PropertyValue.Create(name)),
        KeyValuePair.Create("clone", PropertyValue.CreateObject([KeyValuePair.Create("vmId", PropertyValue.Create(TemplateId))])),
        KeyValuePair.Create("started", PropertyValue.True),
    ]);

    private static async Task<int> UnscheduledAsync(ProxmoxVEDoubleOptions options, int count)
    {
        await using var server = await ProxmoxVEDouble.StartAsync(options);
        server.AddTemplate(TemplateId, "debian-12-template");
        using var http = new HttpClient { BaseAddress = new Uri(server.Endpoint, "api2/json/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "PVEAPIToken=" + server.ApiToken);
        await Task.WhenAll(Enumerable.Range(100, count).Select(async id =>
        {
            using var form = new FormUrlEncodedContent([KeyValuePair.Create("newid", id.ToString(CultureInfo.InvariantCulture))]);
            using var response = await http.PostAsync($"nodes/pve/qemu/{TemplateId}/clone", form);
        }));
        while (server.Tasks.Any(t => t.Running))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        return server.Tasks.Count(t => t.ExitStatus?.StartsWith("can't lock file", StringComparison.Ordinal) == true);
    }
}
