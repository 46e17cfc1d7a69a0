using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

internal sealed partial class VirtualMachineHandler
{
    private static readonly TimeSpan DefaultAgentTimeout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Asks the guest agent for addresses until it reports what <c>agent.waitForIp</c> asks for (by default
    /// any address besides loopback and link-local), bounded by <c>agent.timeout</c>. When the agent never
    /// answers, the VM is kept and the addresses stay empty (a progress line says why), so nothing is orphaned.
    /// </summary>
    private static async Task<AgentReport> AgentAddressesAsync(
        ProxmoxSession session,
        ProxmoxApiClient client,
        string path,
        int vmId,
        ImmutableSortedDictionary<string, PropertyValue>? agent,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var timeout = Props.String(agent, "timeout") is { } text && GoDuration.TryParse(text, out var parsed) ? parsed : DefaultAgentTimeout;
        var waitFor = Props.Object(agent, "waitForIp");
        var wantV4 = Props.Bool(waitFor, "ipv4") == true;
        var wantV6 = Props.Bool(waitFor, "ipv6") == true;
        var started = session.TimeProvider.GetTimestamp();
        progress?.Report($"waiting for the guest agent of VM {vmId} (up to {ProxmoxApiClient.Seconds(timeout)}, agent.timeout)");
        var last = "no answer";
        while (true)
        {
            try
            {
                var answer = await client.GetAsync(path + "/agent/network-get-interfaces", cancellationToken: cancellationToken).ConfigureAwait(false);
                var report = Parse(answer?["result"] as JsonArray);
                var v4 = report.Ipv4.SelectMany(a => a).Any(a => !a.StartsWith("127.", StringComparison.Ordinal) && !a.StartsWith("169.254.", StringComparison.Ordinal));
                var v6 = report.Ipv6.SelectMany(a => a).Any(a => a != "::1" && !a.StartsWith("fe80", StringComparison.OrdinalIgnoreCase));
                if ((wantV4 || wantV6) ? (!wantV4 || v4) && (!wantV6 || v6) : v4 || v6)
                {
                    return report;
                }

                last = "no routable address yet";
            }
            catch (ProxmoxApiException e)
            {
                last = e.ApiMessage;
            }

            var elapsed = session.TimeProvider.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                progress?.Report($"the guest agent of VM {vmId} did not report addresses within {ProxmoxApiClient.Seconds(timeout)} ({last}); "
                    + "ipv4Addresses stay empty. Install and start qemu-guest-agent in the guest, or set agent.enabled=false or a shorter agent.timeout");
                return AgentReport.Empty;
            }

            var remaining = timeout - elapsed;
            await Task.Delay(remaining < session.Options.AgentPollInterval ? remaining : session.Options.AgentPollInterval, session.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AgentReport Parse(JsonArray? interfaces)
    {
        if (interfaces is null)
        {
            return AgentReport.Empty;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var v4 = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var v6 = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var item in interfaces.OfType<JsonObject>())
        {
            names.Add((string?)item["name"] ?? string.Empty);
            var addresses = (item["ip-addresses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            v4.Add([.. addresses.Where(a => (string?)a["ip-address-type"] == "ipv4").Select(a => (string?)a["ip-address"] ?? string.Empty)]);
            v6.Add([.. addresses.Where(a => (string?)a["ip-address-type"] == "ipv6").Select(a => (string?)a["ip-address"] ?? string.Empty)]);
        }

        return new AgentReport(names.ToImmutable(), v4.ToImmutable(), v6.ToImmutable());
    }
}
