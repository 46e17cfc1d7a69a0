using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

internal sealed partial class VirtualMachineHandler
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1800);

    public async Task<CreateResult> CreateAsync(ProxmoxSession session, CreateRequest request, CancellationToken cancellationToken)
    {
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        if (request.Preview)
        {
            // Honest preview: nothing is contacted; what Proxmox decides stays unknown.
            return new CreateResult { Id = Props.Int(inputs, "vmId") is { } id ? VmParameters.Int(id) : null, Outputs = PreviewOutputs(inputs, keepComputed: null) };
        }

        var client = session.RequireClient("create a VM");
        var node = Props.String(inputs, "nodeName") ?? throw new InvalidOperationException("nodeName is required.");
        var progress = request.Progress;
        var vmId = await CreateGuestAsync(session, client, inputs, node, progress, cancellationToken).ConfigureAwait(false);
        try
        {
            var outputs = await ConfigureAndStartAsync(session, client, node, vmId, inputs, olds: null, progress, cancellationToken).ConfigureAwait(false);
            return new CreateResult { Id = VmParameters.Int(vmId), Outputs = outputs };
        }
        catch (Exception e) when (e is ProxmoxApiException or HttpRequestException)
        {
            // Do not leave an orphan the engine does not know about: remove the half-configured VM.
            progress?.Report($"VM {vmId}: configuration failed, removing it again");
            await TryRemoveAsync(client, node, vmId, cancellationToken).ConfigureAwait(false);
            throw new ProxmoxApiException($"Creating VM {vmId} on node '{node}' failed (the VM was removed again): {e.Message}", e);
        }
    }

    public async Task<ReadResult> ReadAsync(ProxmoxSession session, ReadRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("refresh a VM");
        var state = request.State.IsEmpty ? request.Inputs : request.State;
        var node = Props.String(state, "nodeName") ?? Props.String(request.Inputs, "nodeName")
            ?? throw new InvalidOperationException($"Cannot read VM {request.Id}: its node is not recorded (import ids have the form node/vmid).");
        var id = request.Id.Contains('/', StringComparison.Ordinal) ? request.Id[(request.Id.IndexOf('/', StringComparison.Ordinal) + 1)..] : request.Id;
        var config = await ReadConfigAsync(client, node, id, cancellationToken).ConfigureAwait(false);
        if (config is null)
        {
            return ReadResult.Gone;
        }

        var outputs = PropertyMaps.Ordinal(state).SetItem("vmId", Props.Of(int.Parse(id, CultureInfo.InvariantCulture))).SetItem("nodeName", Props.Of(node));
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        foreach (var (key, live) in LiveFields(config))
        {
            outputs = outputs.SetItem(key, live);
            if (inputs.ContainsKey(key))
            {
                inputs = inputs.SetItem(key, live);
            }
        }

        outputs = outputs.SetItem("macAddresses", Props.Of(config.Where(c => IsNet(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => ProxmoxFormats.MacOf(c.Value) ?? string.Empty)));
        return new ReadResult { Id = id, Inputs = inputs, Outputs = outputs };
    }

    public async Task<UpdateResult> UpdateAsync(ProxmoxSession session, UpdateRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyMaps.Ordinal(request.NewInputs);
        if (request.Preview)
        {
            return new UpdateResult { Outputs = PreviewOutputs(news, keepComputed: request.OldOutputs) };
        }

        var client = session.RequireClient("update a VM");
        var node = Props.String(request.OldOutputs, "nodeName") ?? Props.String(news, "nodeName")!;
        var vmId = int.Parse(request.Id, CultureInfo.InvariantCulture);
        var outputs = await ConfigureAndStartAsync(session, client, node, vmId, news, request.OldInputs, request.Progress, cancellationToken).ConfigureAwait(false);
        return new UpdateResult { Outputs = outputs };
    }

    public async Task DeleteAsync(ProxmoxSession session, DeleteRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("delete a VM");
        var state = request.Outputs.IsEmpty ? request.Inputs : request.Outputs;
        var node = Props.String(state, "nodeName") ?? Props.String(request.Inputs, "nodeName")!;
        var path = $"nodes/{Uri.EscapeDataString(node)}/qemu/{request.Id}";
        JsonNode? status;
        try
        {
            status = await client.GetAsync(path + "/status/current", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException e) when (e.IsNotFound)
        {
            return;
        }

        if ((string?)status?["status"] == "running")
        {
            if (Props.Bool(state, "stopOnDestroy") == true)
            {
                request.Progress?.Report($"stopping VM {request.Id}");
                await client.RunTaskAsync(node, () => client.PostAsync(path + "/status/stop", cancellationToken: cancellationToken), Timeout(state, "timeoutStopVm", 300), $"Stopping VM {request.Id}", request.Progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var timeout = Timeout(state, "timeoutShutdownVm", 1800);
                request.Progress?.Report($"shutting down VM {request.Id} (up to {ProxmoxApiClient.Seconds(timeout)}, then stop)");
                await client.RunTaskAsync(
                    node,
                    () => client.PostAsync(path + "/status/shutdown", [KeyValuePair.Create("timeout", VmParameters.Int((int)timeout.TotalSeconds)), KeyValuePair.Create("forceStop", "1")], cancellationToken),
                    timeout + TimeSpan.FromSeconds(30),
                    $"Shutting down VM {request.Id}",
                    request.Progress,
                    cancellationToken).ConfigureAwait(false);
            }
        }

        request.Progress?.Report($"deleting VM {request.Id}");
        try
        {
            await client.RunTaskAsync(
                node,
                () => client.DeleteAsync(
                    path,
                    [
                        KeyValuePair.Create("purge", Props.Bool(state, "purgeOnDestroy") == false ? "0" : "1"),
                        KeyValuePair.Create("destroy-unreferenced-disks", Props.Bool(state, "deleteUnreferencedDisksOnDestroy") == false ? "0" : "1"),
                    ],
                    cancellationToken),
                DefaultTimeout,
                $"Deleting VM {request.Id}",
                request.Progress,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }

    private static async Task<int> CreateGuestAsync(ProxmoxSession session, ProxmoxApiClient client, ImmutableSortedDictionary<string, PropertyValue> inputs, string node, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var explicitId = Props.Int(inputs, "vmId");
        var clone = Props.Object(inputs, "clone");
        for (var attempt = 1; ; attempt++)
        {
            var vmId = explicitId ?? await session.Coordinator.AllocateVmIdAsync(client, cancellationToken).ConfigureAwait(false);
            try
            {
                if (clone is not null)
                {
                    await CloneAsync(session, client, inputs, clone, node, vmId, progress, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    progress?.Report($"creating VM {vmId} on node '{node}'");
                    var form = new SortedDictionary<string, string>(VmParameters.Settings(inputs, null), StringComparer.Ordinal) { ["vmid"] = VmParameters.Int(vmId) };
                    foreach (var (key, value) in VmParameters.NewDisks(inputs, null))
                    {
                        form[key] = value;
                    }

                    if (Props.String(inputs, "poolId") is { } pool)
                    {
                        form["pool"] = pool;
                    }

                    await client.RunTaskAsync(node, () => client.PostAsync($"nodes/{Uri.EscapeDataString(node)}/qemu", form, cancellationToken), Timeout(inputs, "timeoutCreate", 1800), $"Creating VM {vmId}", progress, cancellationToken).ConfigureAwait(false);
                }

                return vmId;
            }
            catch (ProxmoxApiException e) when (e.IsAlreadyExists && explicitId is null && attempt < session.Options.VmIdAttempts)
            {
                // Someone took the id between nextid and our create: take a fresh one.
                progress?.Report($"VM id {vmId} was taken meanwhile, allocating another");
            }
            catch (ProxmoxApiException e) when (e.IsAlreadyExists && explicitId is not null)
            {
                throw new ProxmoxApiException($"vmId {explicitId} is already used by another VM or container on the cluster; choose another vmId or leave it unset.", e);
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

    private static async Task CloneAsync(ProxmoxSession session, ProxmoxApiClient client, ImmutableSortedDictionary<string, PropertyValue> inputs, ImmutableSortedDictionary<string, PropertyValue> clone, string node, int vmId, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var sourceId = Props.Int(clone, "vmId") ?? throw new InvalidOperationException("clone.vmId is required.");
        var sourceNode = Props.String(clone, "nodeName") ?? node;
        var storage = Props.String(clone, "datastoreId");
        if (storage is null)
        {
            // The clone lands on the template's storage: find it, so clones onto one storage are serialized too.
            var template = await ReadConfigAsync(client, sourceNode, VmParameters.Int(sourceId), cancellationToken).ConfigureAwait(false)
                ?? throw new ProxmoxApiException($"clone.vmId {sourceId} does not exist on node '{sourceNode}'.");
            storage = template.Where(c => IsDisk(c.Key) && !c.Value.Contains("media=cdrom", StringComparison.Ordinal)).Select(c => c.Value.Split(':')[0]).FirstOrDefault() ?? "unknown";
        }

        var form = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["newid"] = VmParameters.Int(vmId),
            ["full"] = Props.Bool(clone, "full") == false ? "0" : "1",
        };
        if (Props.String(inputs, "name") is { } name)
        {
            form["name"] = name;
        }

        if (Props.String(clone, "datastoreId") is { } datastore)
        {
            form["storage"] = datastore;
        }

        if (sourceNode != node)
        {
            form["target"] = node;
        }

        if (Props.String(inputs, "poolId") is { } pool)
        {
            form["pool"] = pool;
        }

        var retries = Props.Int(clone, "retries") ?? session.Options.DefaultCloneRetries;
        var delay = session.Options.LockRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            using (await session.Coordinator.AcquireAsync([$"template:{sourceNode}/{sourceId}", $"storage:{node}/{storage}"], cancellationToken).ConfigureAwait(false))
            {
                progress?.Report($"cloning VM {sourceId} to {vmId} on '{storage}'");
                try
                {
                    await client.RunTaskAsync(
                        sourceNode,
                        () => client.PostAsync($"nodes/{Uri.EscapeDataString(sourceNode)}/qemu/{sourceId}/clone", form, cancellationToken),
                        Timeout(inputs, "timeoutClone", 1800),
                        $"Cloning VM {sourceId} to {vmId}",
                        progress,
                        cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ProxmoxApiException e) when (e.IsLockTimeout && attempt < retries)
                {
                    progress?.Report($"clone of {sourceId} hit a Proxmox lock timeout; retry {attempt + 1} of {retries} in {ProxmoxApiClient.Seconds(delay)}");
                }
                catch (ProxmoxApiException e) when (e.IsLockTimeout)
                {
                    throw new ProxmoxApiException(
                        $"Cloning VM {sourceId} to {vmId} kept failing on a Proxmox lock timeout ({e.ApiMessage}) after {retries} retries; raise clone.retries or clone fewer VMs from this template at once.",
                        e);
                }
            }

            await Task.Delay(delay, session.TimeProvider, cancellationToken).ConfigureAwait(false);
            delay += delay;
        }
    }

    private static async Task<ImmutableSortedDictionary<string, PropertyValue>> ConfigureAndStartAsync(
        ProxmoxSession session,
        ProxmoxApiClient client,
        string node,
        int vmId,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        ImmutableSortedDictionary<string, PropertyValue>? olds,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var path = $"nodes/{Uri.EscapeDataString(node)}/qemu/{vmId}";
        var current = await ReadConfigAsync(client, node, VmParameters.Int(vmId), cancellationToken).ConfigureAwait(false)
            ?? throw new ProxmoxApiException($"VM {vmId} does not exist on node '{node}'.");
        var settings = VmParameters.Settings(inputs, current);
        foreach (var (key, value) in VmParameters.NewDisks(inputs, current))
        {
            settings[key] = value;
        }

        if (olds is not null)
        {
            var deletes = VmParameters.Settings(olds, current).Keys.Where(k => !settings.ContainsKey(k) && !IsDisk(k)).ToList();
            if (deletes.Count > 0)
            {
                settings["delete"] = string.Join(',', deletes);
            }
        }

        if (Props.Bool(inputs, "template") == true)
        {
            settings["template"] = "1";
        }

        progress?.Report($"configuring VM {vmId}");
        await client.PutAsync(path + "/config", settings, cancellationToken).ConfigureAwait(false);

        foreach (var (iface, wanted) in VmParameters.DiskSizes(inputs))
        {
            if (current.TryGetValue(iface, out var disk) && ProxmoxFormats.DiskSizeGb(disk) is { } size && wanted != size)
            {
                if (wanted < size)
                {
                    throw new ProxmoxApiException($"disks.{iface}.size: cannot shrink disk {iface} of VM {vmId} from {size} GB to {wanted} GB (Proxmox VE can only grow disks).");
                }

                progress?.Report($"growing disk {iface} of VM {vmId} from {size} GB to {wanted} GB");
                await client.RunTaskAsync(
                    node,
                    () => client.PutAsync(path + "/resize", [KeyValuePair.Create("disk", iface), KeyValuePair.Create("size", VmParameters.Int(wanted) + "G")], cancellationToken),
                    DefaultTimeout,
                    $"Resizing disk {iface} of VM {vmId}",
                    progress,
                    cancellationToken).ConfigureAwait(false);
            }
        }

        var status = await client.GetAsync(path + "/status/current", cancellationToken: cancellationToken).ConfigureAwait(false);
        var running = (string?)status?["status"] == "running";
        var wantRunning = Props.Bool(inputs, "started") != false && Props.Bool(inputs, "template") != true;
        if (wantRunning && !running)
        {
            progress?.Report($"starting VM {vmId}");
            await client.RunTaskAsync(node, () => client.PostAsync(path + "/status/start", cancellationToken: cancellationToken), Timeout(inputs, "timeoutStartVm", 1800), $"Starting VM {vmId}", progress, cancellationToken).ConfigureAwait(false);
        }
        else if (!wantRunning && running)
        {
            progress?.Report($"shutting down VM {vmId}");
            await client.RunTaskAsync(node, () => client.PostAsync(path + "/status/shutdown", [KeyValuePair.Create("forceStop", "1")], cancellationToken), Timeout(inputs, "timeoutShutdownVm", 1800), $"Shutting down VM {vmId}", progress, cancellationToken).ConfigureAwait(false);
        }
        else if (running && olds is not null && Props.Bool(inputs, "rebootAfterUpdate") != false
            && (!Equals(olds.GetValueOrDefault("cpu"), inputs.GetValueOrDefault("cpu")) || !Equals(olds.GetValueOrDefault("memory"), inputs.GetValueOrDefault("memory"))))
        {
            progress?.Report($"rebooting VM {vmId} to apply CPU/memory changes");
            await client.RunTaskAsync(node, () => client.PostAsync(path + "/status/reboot", cancellationToken: cancellationToken), Timeout(inputs, "timeoutReboot", 1800), $"Rebooting VM {vmId}", progress, cancellationToken).ConfigureAwait(false);
        }

        var live = await ReadConfigAsync(client, node, VmParameters.Int(vmId), cancellationToken).ConfigureAwait(false) ?? current;
        var outputs = inputs
            .SetItem("vmId", Props.Of(vmId))
            .SetItem("macAddresses", Props.Of(live.Where(c => IsNet(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => ProxmoxFormats.MacOf(c.Value) ?? string.Empty)));
        var addresses = wantRunning && Props.Bool(Props.Object(inputs, "agent"), "enabled") == true
            ? await AgentAddressesAsync(session, client, path, vmId, Props.Object(inputs, "agent"), progress, cancellationToken).ConfigureAwait(false)
            : AgentReport.Empty;
        return outputs
            .SetItem("ipv4Addresses", PropertyValue.CreateArray(addresses.Ipv4.Select(a => Props.Of(a))))
            .SetItem("ipv6Addresses", PropertyValue.CreateArray(addresses.Ipv6.Select(a => Props.Of(a))))
            .SetItem("networkInterfaceNames", Props.Of(addresses.Names));
    }

    private static ImmutableSortedDictionary<string, PropertyValue> PreviewOutputs(ImmutableSortedDictionary<string, PropertyValue> inputs, ImmutableSortedDictionary<string, PropertyValue>? keepComputed)
    {
        var outputs = inputs.SetItem("vmId", Props.Int(inputs, "vmId") is { } id ? Props.Of(id) : keepComputed?.GetValueOrDefault("vmId") ?? PropertyValue.Unknown);
        foreach (var key in new[] { "macAddresses", "ipv4Addresses", "ipv6Addresses", "networkInterfaceNames" })
        {
            outputs = outputs.SetItem(key, keepComputed?.GetValueOrDefault(key) ?? PropertyValue.Unknown);
        }

        return outputs;
    }

    private static async Task<ImmutableSortedDictionary<string, string>?> ReadConfigAsync(ProxmoxApiClient client, string node, string vmId, CancellationToken cancellationToken)
    {
        try
        {
            var config = await client.GetAsync($"nodes/{Uri.EscapeDataString(node)}/qemu/{vmId}/config", cancellationToken: cancellationToken).ConfigureAwait(false);
            return config is JsonObject map
                ? map.ToImmutableSortedDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
                : ImmutableSortedDictionary<string, string>.Empty;
        }
        catch (ProxmoxApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static IEnumerable<(string Key, PropertyValue Value)> LiveFields(ImmutableSortedDictionary<string, string> config)
    {
        if (config.TryGetValue("name", out var name))
        {
            yield return ("name", Props.Of(name));
        }

        if (config.TryGetValue("description", out var description))
        {
            yield return ("description", Props.Of(description));
        }

        if (config.TryGetValue("tags", out var tags))
        {
            yield return ("tags", Props.Of(tags.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)));
        }
    }

    private static async Task TryRemoveAsync(ProxmoxApiClient client, string node, int vmId, CancellationToken cancellationToken)
    {
        var path = $"nodes/{Uri.EscapeDataString(node)}/qemu/{vmId}";
        try
        {
            await client.RunTaskAsync(node, () => client.PostAsync(path + "/status/stop", cancellationToken: cancellationToken), TimeSpan.FromMinutes(5), $"Stopping VM {vmId}", null, cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException)
        {
            // Not running: fine.
        }

        try
        {
            await client.RunTaskAsync(node, () => client.DeleteAsync(path, [KeyValuePair.Create("purge", "1"), KeyValuePair.Create("destroy-unreferenced-disks", "1")], cancellationToken), DefaultTimeout, $"Deleting VM {vmId}", null, cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException)
        {
            // Best effort: the original error is what the user needs to see.
        }
    }

    private static TimeSpan Timeout(IReadOnlyDictionary<string, PropertyValue> inputs, string key, int defaultSeconds) =>
        TimeSpan.FromSeconds(Props.Int(inputs, key) ?? defaultSeconds);

    private static bool IsNet(string key) => key.Length > 3 && key.StartsWith("net", StringComparison.Ordinal) && key[3..].All(char.IsAsciiDigit);

    private static bool IsDisk(string key) =>
        (key.StartsWith("scsi", StringComparison.Ordinal) && key.Length > 4 && key[4..].All(char.IsAsciiDigit) && key != "scsihw")
        || (key.StartsWith("sata", StringComparison.Ordinal) && key.Length > 4 && key[4..].All(char.IsAsciiDigit))
        || (key.StartsWith("virtio", StringComparison.Ordinal) && key.Length > 6 && key[6..].All(char.IsAsciiDigit))
        || (key.StartsWith("ide", StringComparison.Ordinal) && key.Length > 3 && key[3..].All(char.IsAsciiDigit));
}
