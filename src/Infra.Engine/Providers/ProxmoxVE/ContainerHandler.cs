using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// <c>proxmoxve:index/containerLegacy:ContainerLegacy</c>: LXC containers created from a template, configured in
/// place, started, and stopped then purged on delete. Root disk growth is not applied by the built-in provider.
/// </summary>
internal sealed class ContainerHandler : IProxmoxResourceHandler
{
    public const string Token = "proxmoxve:index/containerLegacy:ContainerLegacy";

    private static readonly string[] FeatureFlags = ["nesting", "fuse", "keyctl", "mknod"];

    public string TypeToken => Token;

    public async Task<CheckResult> CheckAsync(ProxmoxSession session, CheckRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyMaps.Ordinal(request.News);
        var failures = new FailureList();
        failures.AddRange(session.Config.Problems);
        if (!Props.Has(news, "nodeName"))
        {
            failures.AddRule("nodeName", "is required (the node that hosts the container)");
        }

        failures.Range("vmId", Props.Int(news, "vmId"), 100, 999_999_999);
        if (!Props.Has(news, "clone") && !Props.Has(Props.Object(news, "operatingSystem"), "templateFileId") && !Props.IsUnknown(news, "operatingSystem"))
        {
            failures.AddRule("operatingSystem.templateFileId", "is required unless clone is set (e.g. local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst)");
        }

        failures.Rule("operatingSystem.templateFileId", Props.String(Props.Object(news, "operatingSystem"), "templateFileId"), ProxmoxFormats.IsFileId, "must have the shape <datastore>:vztmpl/<file>");
        var tags = Props.Strings(news, "tags");
        for (var i = 0; i < tags.Length; i++)
        {
            failures.Rule($"tags[{i}]", tags[i], ProxmoxFormats.IsTag, "must start with a letter, digit or '_' and contain only letters, digits and _-+.");
        }

        if (!Props.IsUnknown(news, "tags") && tags.Length > 0)
        {
            news = news.SetItem("tags", Props.Of(tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        }

        var node = Props.String(news, "nodeName");
        var interfaces = Props.Objects(news, "networkInterfaces");
        var bridges = interfaces.Length > 0 && node is { Length: > 0 } ? await session.BridgesAsync(node, cancellationToken).ConfigureAwait(false) : null;
        for (var i = 0; i < interfaces.Length; i++)
        {
            if (!Props.Has(interfaces[i], "name"))
            {
                failures.AddRule($"networkInterfaces[{i}].name", "is required (e.g. eth0)");
            }

            failures.Range($"networkInterfaces[{i}].vlanId", Props.Int(interfaces[i], "vlanId"), 1, 4094);
            failures.Rule($"networkInterfaces[{i}].macAddress", Props.String(interfaces[i], "macAddress"), ProxmoxFormats.IsMac, "must be a MAC address such as BC:24:11:00:00:01");
            var bridge = Props.String(interfaces[i], "bridge") ?? "vmbr0";
            if (bridges is { } known && !known.Contains(bridge, StringComparer.Ordinal))
            {
                failures.Add($"networkInterfaces[{i}].bridge", $"must be a bridge of node '{node}' ({string.Join(", ", known)})", bridge);
            }
        }

        var size = Props.Int(Props.Object(news, "disk"), "size");
        failures.Min("disk.size", size, 1);
        if (size is { } wanted && Props.Int(Props.Object(request.Olds, "disk"), "size") is { } current && wanted < current)
        {
            failures.AddRule("disk.size", $"cannot shrink the root disk from {current} GB to {wanted} GB: Proxmox VE can only grow disks (was {wanted})");
        }

        failures.Min("cpu.cores", Props.Int(Props.Object(news, "cpu"), "cores"), 1);
        failures.Min("memory.dedicated", Props.Int(Props.Object(news, "memory"), "dedicated"), 16);
        failures.Min("memory.swap", Props.Int(Props.Object(news, "memory"), "swap"), 0);
        var configs = Props.Objects(Props.Object(news, "initialization"), "ipConfigs");
        for (var i = 0; i < configs.Length; i++)
        {
            failures.Rule($"initialization.ipConfigs[{i}].ipv4.address", Props.String(Props.Object(configs[i], "ipv4"), "address"), ProxmoxFormats.IsIpv4Config, "must be an IPv4 CIDR such as 10.0.0.5/24, or dhcp");
            failures.Rule($"initialization.ipConfigs[{i}].ipv6.address", Props.String(Props.Object(configs[i], "ipv6"), "address"), ProxmoxFormats.IsIpv6Config, "must be an IPv6 CIDR, dhcp or auto");
        }

        return new CheckResult { Inputs = news, Failures = failures.ToImmutable() };
    }

    public DiffResult Diff(DiffRequest request)
    {
        var explicitId = Props.Int(request.NewInputs, "vmId") is not null && Props.Int(request.OldInputs, "vmId") == Props.Int(request.NewInputs, "vmId");
        return ProxmoxDiff.Compute(
            request.OldInputs,
            request.NewInputs,
            (key, before, after) => key switch
            {
                "nodeName" or "operatingSystem" or "clone" or "unprivileged" or "template" or "mountPoints" => true,
                "vmId" => Props.Plain(before) is not null || Props.IsUnknown(after),
                "disk" => ProxmoxDiff.FieldsDiffer(before, after, "datastoreId"),
                "initialization" => ProxmoxDiff.FieldsDiffer(before, after, "userAccount"),
                _ => false,
            },
            deleteBeforeReplace: explicitId);
    }

    public async Task<CreateResult> CreateAsync(ProxmoxSession session, CreateRequest request, CancellationToken cancellationToken)
    {
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        if (request.Preview)
        {
            return new CreateResult
            {
                Id = Props.Int(inputs, "vmId") is { } known ? VmParameters.Int(known) : null,
                Outputs = inputs.SetItem("vmId", Props.Int(inputs, "vmId") is { } id ? Props.Of(id) : PropertyValue.Unknown)
                    .SetItem("ipv4", PropertyValue.Unknown).SetItem("ipv6", PropertyValue.Unknown),
            };
        }

        var client = session.RequireClient("create a container");
        var node = Props.String(inputs, "nodeName")!;
        var explicitId = Props.Int(inputs, "vmId");
        for (var attempt = 1; ; attempt++)
        {
            var vmId = explicitId ?? await session.Coordinator.AllocateVmIdAsync(client, cancellationToken).ConfigureAwait(false);
            try
            {
                var form = Parameters(inputs);
                form["vmid"] = VmParameters.Int(vmId);
                form["ostemplate"] = Props.String(Props.Object(inputs, "operatingSystem"), "templateFileId")
                    ?? throw new InvalidOperationException("operatingSystem.templateFileId is required (container clones are not supported by the built-in provider).");
                var disk = Props.Object(inputs, "disk");
                form["rootfs"] = (Props.String(disk, "datastoreId") ?? "local") + ":" + VmParameters.Int(Props.Int(disk, "size") ?? 4);
                form["unprivileged"] = Props.Bool(inputs, "unprivileged") == true ? "1" : "0";
                form["start"] = Props.Bool(inputs, "started") == false || Props.Bool(inputs, "template") == true ? "0" : "1";
                var account = Props.Object(Props.Object(inputs, "initialization"), "userAccount");
                if (Props.String(account, "password") is { } password)
                {
                    form["password"] = password;
                }

                if (Props.Strings(account, "keys") is { Length: > 0 } keys)
                {
                    form["ssh-public-keys"] = string.Join('\n', keys);
                }

                request.Progress?.Report($"creating container {vmId} on node '{node}'");
                await client.RunTaskAsync(node, () => client.PostAsync($"nodes/{Uri.EscapeDataString(node)}/lxc", form, cancellationToken), TimeSpan.FromSeconds(Props.Int(inputs, "timeoutCreate") ?? 1800), $"Creating container {vmId}", request.Progress, cancellationToken).ConfigureAwait(false);
                var outputs = await OutputsAsync(client, node, vmId, inputs, cancellationToken).ConfigureAwait(false);
                return new CreateResult { Id = VmParameters.Int(vmId), Outputs = outputs };
            }
            catch (ProxmoxApiException e) when (e.IsAlreadyExists && explicitId is null && attempt < session.Options.VmIdAttempts)
            {
                request.Progress?.Report($"container id {vmId} was taken meanwhile, allocating another");
            }
            finally
            {
                if (explicitId is null)
                {
                    session.Coordinator.Release(vmId);
                }
            }
        }
    }

    public async Task<ReadResult> ReadAsync(ProxmoxSession session, ReadRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("refresh a container");
        var state = request.State.IsEmpty ? request.Inputs : request.State;
        var node = Props.String(state, "nodeName")!;
        try
        {
            await client.GetAsync($"nodes/{Uri.EscapeDataString(node)}/lxc/{request.Id}/config", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException e) when (e.IsNotFound)
        {
            return ReadResult.Gone;
        }

        return new ReadResult { Id = request.Id, Inputs = request.Inputs, Outputs = PropertyMaps.Ordinal(state) };
    }

    public async Task<UpdateResult> UpdateAsync(ProxmoxSession session, UpdateRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyMaps.Ordinal(request.NewInputs);
        if (request.Preview)
        {
            return new UpdateResult { Outputs = news.SetItem("vmId", request.OldOutputs.GetValueOrDefault("vmId") ?? PropertyValue.Unknown).SetItem("ipv4", PropertyValue.Unknown).SetItem("ipv6", PropertyValue.Unknown) };
        }

        var client = session.RequireClient("update a container");
        var node = Props.String(news, "nodeName")!;
        var path = $"nodes/{Uri.EscapeDataString(node)}/lxc/{request.Id}";
        var form = Parameters(news);
        var deletes = Parameters(request.OldInputs).Keys.Where(k => !form.ContainsKey(k)).ToList();
        if (deletes.Count > 0)
        {
            form["delete"] = string.Join(',', deletes);
        }

        await client.PutAsync(path + "/config", form, cancellationToken).ConfigureAwait(false);
        var status = await client.GetAsync(path + "/status/current", cancellationToken: cancellationToken).ConfigureAwait(false);
        var running = (string?)status?["status"] == "running";
        var wanted = Props.Bool(news, "started") != false && Props.Bool(news, "template") != true;
        if (wanted != running)
        {
            var action = wanted ? "start" : "shutdown";
            await client.RunTaskAsync(node, () => client.PostAsync($"{path}/status/{action}", cancellationToken: cancellationToken), TimeSpan.FromSeconds(Props.Int(news, "timeoutUpdate") ?? 1800), $"Container {request.Id} {action}", request.Progress, cancellationToken).ConfigureAwait(false);
        }

        return new UpdateResult { Outputs = await OutputsAsync(client, node, int.Parse(request.Id, CultureInfo.InvariantCulture), news, cancellationToken).ConfigureAwait(false) };
    }

    public async Task DeleteAsync(ProxmoxSession session, DeleteRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("delete a container");
        var state = request.Outputs.IsEmpty ? request.Inputs : request.Outputs;
        var node = Props.String(state, "nodeName")!;
        var path = $"nodes/{Uri.EscapeDataString(node)}/lxc/{request.Id}";
        var timeout = TimeSpan.FromSeconds(Props.Int(state, "timeoutDelete") ?? 60);
        try
        {
            var status = await client.GetAsync(path + "/status/current", cancellationToken: cancellationToken).ConfigureAwait(false);
            if ((string?)status?["status"] == "running")
            {
                request.Progress?.Report($"stopping container {request.Id}");
                await client.RunTaskAsync(node, () => client.PostAsync(path + "/status/stop", cancellationToken: cancellationToken), timeout, $"Stopping container {request.Id}", request.Progress, cancellationToken).ConfigureAwait(false);
            }

            request.Progress?.Report($"deleting container {request.Id}");
            await client.RunTaskAsync(node, () => client.DeleteAsync(path, [KeyValuePair.Create("purge", "1")], cancellationToken), timeout, $"Deleting container {request.Id}", request.Progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }

    private static SortedDictionary<string, string> Parameters(IReadOnlyDictionary<string, PropertyValue> inputs)
    {
        var p = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var init = Props.Object(inputs, "initialization");
        Set(p, "hostname", Props.String(init, "hostname"));
        Set(p, "description", Props.String(inputs, "description"));
        var tags = Props.Strings(inputs, "tags");
        if (tags.Length > 0)
        {
            p["tags"] = string.Join(';', tags.Order(StringComparer.Ordinal));
        }

        Set(p, "cores", Props.Int(Props.Object(inputs, "cpu"), "cores") is { } cores ? VmParameters.Int(cores) : null);
        Set(p, "arch", Props.String(Props.Object(inputs, "cpu"), "architecture"));
        Set(p, "memory", Props.Int(Props.Object(inputs, "memory"), "dedicated") is { } memory ? VmParameters.Int(memory) : null);
        Set(p, "swap", Props.Int(Props.Object(inputs, "memory"), "swap") is { } swap ? VmParameters.Int(swap) : null);
        Set(p, "ostype", Props.String(Props.Object(inputs, "operatingSystem"), "type"));
        p["onboot"] = Props.Bool(inputs, "startOnBoot") == false ? "0" : "1";
        Set(p, "protection", Props.Bool(inputs, "protection") is { } protection ? (protection ? "1" : "0") : null);
        var features = Props.Object(inputs, "features");
        var featureList = FeatureFlags.Where(f => Props.Bool(features, f) == true).Select(f => f + "=1").ToList();
        if (Props.Strings(features, "mounts") is { Length: > 0 } mounts)
        {
            featureList.Add("mount=" + string.Join(';', mounts));
        }

        if (featureList.Count > 0)
        {
            p["features"] = string.Join(',', featureList);
        }

        var dns = Props.Object(init, "dns");
        Set(p, "searchdomain", Props.String(dns, "domain"));
        if (Props.Strings(dns, "servers") is { Length: > 0 } servers)
        {
            p["nameserver"] = string.Join(' ', servers);
        }

        var interfaces = Props.Objects(inputs, "networkInterfaces");
        var ipConfigs = Props.Objects(init, "ipConfigs");
        for (var i = 0; i < interfaces.Length; i++)
        {
            if (Props.Bool(interfaces[i], "enabled") == false)
            {
                continue;
            }

            var net = "name=" + Props.String(interfaces[i], "name") + ",bridge=" + (Props.String(interfaces[i], "bridge") ?? "vmbr0");
            net += Props.Int(interfaces[i], "vlanId") is { } tag ? ",tag=" + VmParameters.Int(tag) : string.Empty;
            net += Props.String(interfaces[i], "macAddress") is { } mac ? ",hwaddr=" + mac : string.Empty;
            net += Props.Int(interfaces[i], "mtu") is { } mtu ? ",mtu=" + VmParameters.Int(mtu) : string.Empty;
            net += Props.Bool(interfaces[i], "firewall") == true ? ",firewall=1" : string.Empty;
            if (i < ipConfigs.Length)
            {
                var v4 = Props.Object(ipConfigs[i], "ipv4");
                var v6 = Props.Object(ipConfigs[i], "ipv6");
                net += Props.String(v4, "address") is { } ip ? ",ip=" + ip : string.Empty;
                net += Props.String(v4, "gateway") is { } gw ? ",gw=" + gw : string.Empty;
                net += Props.String(v6, "address") is { } ip6 ? ",ip6=" + ip6 : string.Empty;
                net += Props.String(v6, "gateway") is { } gw6 ? ",gw6=" + gw6 : string.Empty;
            }

            p["net" + VmParameters.Int(i)] = net;
        }

        return p;
    }

    private static async Task<ImmutableSortedDictionary<string, PropertyValue>> OutputsAsync(ProxmoxApiClient client, string node, int vmId, ImmutableSortedDictionary<string, PropertyValue> inputs, CancellationToken cancellationToken)
    {
        var v4 = new SortedDictionary<string, PropertyValue>(StringComparer.Ordinal);
        var v6 = new SortedDictionary<string, PropertyValue>(StringComparer.Ordinal);
        try
        {
            var interfaces = await client.GetAsync($"nodes/{Uri.EscapeDataString(node)}/lxc/{vmId}/interfaces", cancellationToken: cancellationToken).ConfigureAwait(false) as JsonArray;
            foreach (var item in interfaces?.OfType<JsonObject>() ?? [])
            {
                var name = (string?)item["name"];
                if (name is null or "lo")
                {
                    continue;
                }

                if ((string?)item["inet"] is { } inet)
                {
                    v4[name] = Props.Of(inet.Split('/')[0]);
                }

                if ((string?)item["inet6"] is { } inet6)
                {
                    v6[name] = Props.Of(inet6.Split('/')[0]);
                }
            }
        }
        catch (ProxmoxApiException)
        {
            // Not running: no addresses.
        }

        return inputs.SetItem("vmId", Props.Of(vmId)).SetItem("ipv4", PropertyValue.CreateObject(v4)).SetItem("ipv6", PropertyValue.CreateObject(v6));
    }

    private static void Set(SortedDictionary<string, string> p, string key, string? value)
    {
        if (value is not null)
        {
            p[key] = value;
        }
    }
}
