using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// <c>proxmoxve:index/vmLegacy:VmLegacy</c>: Check (validation naming the field, rule and value; tags sorted;
/// disk shrink and unknown bridges caught at preview), Diff (the schema's "R" fields and the CustomizeDiff rules),
/// and the apply operations in <c>VirtualMachineHandler.Apply.cs</c>.
/// </summary>
internal sealed partial class VirtualMachineHandler : IProxmoxResourceHandler
{
    public const string Token = "proxmoxve:index/vmLegacy:VmLegacy";

    private static readonly string[] NetModels = ["virtio", "e1000", "e1000e", "rtl8139", "vmxnet3"];

    private static readonly string[] InitializationReplaceFields =
        ["type", "userDataFileId", "vendorDataFileId", "networkDataFileId", "metaDataFileId", "fileFormat", "datastoreId", "interface"];

    public string TypeToken => Token;

    public async Task<CheckResult> CheckAsync(ProxmoxSession session, CheckRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyMaps.Ordinal(request.News);
        var failures = new FailureList();
        failures.AddRange(session.Config.Problems);
        if (!Props.Has(news, "nodeName"))
        {
            failures.AddRule("nodeName", "is required (the node that hosts the VM)");
        }
        else if (Props.String(news, "nodeName") is { Length: 0 })
        {
            failures.Add("nodeName", "must not be empty", string.Empty);
        }

        failures.Range("vmId", Props.Int(news, "vmId"), 100, 999_999_999);
        var tags = Props.Strings(news, "tags");
        for (var i = 0; i < tags.Length; i++)
        {
            failures.Rule($"tags[{i}]", tags[i], ProxmoxFormats.IsTag, "must start with a letter, digit or '_' and contain only letters, digits and _-+.");
        }

        if (!Props.IsUnknown(news, "tags") && tags.Length > 0)
        {
            // Proxmox stores tags sorted; normalising here avoids perpetual diffs.
            news = news.SetItem("tags", Props.Of(tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        }

        if (Props.Object(news, "clone") is { } clone)
        {
            if (!Props.Has(clone, "vmId"))
            {
                failures.AddRule("clone.vmId", "is required (the template or VM to clone)");
            }

            failures.Range("clone.vmId", Props.Int(clone, "vmId"), 100, 999_999_999);
            failures.Range("clone.retries", Props.Int(clone, "retries"), 0, 100);
        }

        var cpu = Props.Object(news, "cpu");
        failures.Min("cpu.cores", Props.Int(cpu, "cores"), 1);
        failures.Min("cpu.sockets", Props.Int(cpu, "sockets"), 1);
        var memory = Props.Object(news, "memory");
        failures.Min("memory.dedicated", Props.Int(memory, "dedicated"), 16);
        if (Props.Int(memory, "floating") is { } floating && floating > (Props.Int(memory, "dedicated") ?? 512))
        {
            failures.Add("memory.floating", $"must not exceed memory.dedicated ({Props.Int(memory, "dedicated") ?? 512} MB)", floating);
        }

        CheckDisks(failures, PropertyMaps.Ordinal(request.Olds), news);
        await CheckNetworkAsync(session, failures, news, cancellationToken).ConfigureAwait(false);
        CheckInitialization(failures, Props.Object(news, "initialization"));
        var agent = Props.Object(news, "agent");
        failures.Rule("agent.timeout", Props.String(agent, "timeout"), t => GoDuration.TryParse(t, out _), "must be a duration such as 15m, 90s or 1h30m");
        failures.OneOf("agent.type", Props.String(agent, "type"), "virtio", "isa");
        failures.OneOf("bios", Props.String(news, "bios"), "seabios", "ovmf");
        foreach (var key in new[] { "timeoutClone", "timeoutCreate", "timeoutMigrate", "timeoutReboot", "timeoutShutdownVm", "timeoutStartVm", "timeoutStopVm" })
        {
            failures.Min(key, Props.Int(news, key), 1);
        }

        return new CheckResult { Inputs = news, Failures = failures.ToImmutable() };
    }

    public DiffResult Diff(DiffRequest request)
    {
        var news = request.NewInputs;
        var migrate = Props.Bool(news, "migrate") == true;
        var explicitId = Props.Int(news, "vmId") is not null && Props.Int(request.OldInputs, "vmId") == Props.Int(news, "vmId");
        return ProxmoxDiff.Compute(
            request.OldInputs,
            news,
            (key, before, after) => key switch
            {
                "clone" or "template" => true,
                "nodeName" => !migrate,
                "vmId" => Props.Plain(before) is not null || Props.IsUnknown(after),
                "initialization" => ProxmoxDiff.FieldsDiffer(before, after, InitializationReplaceFields),
                "disks" => DiskFileChanged(before, after),
                _ => false,
            },
            deleteBeforeReplace: explicitId);
    }

    private static bool DiskFileChanged(PropertyValue? before, PropertyValue? after)
    {
        if (after is not null && after.ContainsUnknowns)
        {
            var known = Props.Plain(after);
            if (known is null)
            {
                return true;
            }
        }

        var olds = Props.Objects(new Dictionary<string, PropertyValue> { ["d"] = before ?? PropertyValue.Null }, "d")
            .ToDictionary(d => Props.String(d, "interface") ?? string.Empty, d => d, StringComparer.Ordinal);
        foreach (var disk in Props.Objects(new Dictionary<string, PropertyValue> { ["d"] = after ?? PropertyValue.Null }, "d"))
        {
            if (olds.TryGetValue(Props.String(disk, "interface") ?? string.Empty, out var old)
                && (Props.String(old, "fileId") != Props.String(disk, "fileId") || (disk.TryGetValue("fileId", out var file) && file.ContainsUnknowns)))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckDisks(FailureList failures, ImmutableSortedDictionary<string, PropertyValue> olds, ImmutableSortedDictionary<string, PropertyValue> news)
    {
        var disks = Props.Objects(news, "disks");
        var oldSizes = VmParameters.DiskSizes(olds);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < disks.Length; i++)
        {
            var iface = Props.String(disks[i], "interface");
            if (!Props.Has(disks[i], "interface"))
            {
                failures.AddRule($"disks[{i}].interface", "is required (scsiN, sataN, virtioN or ideN)");
            }

            failures.Rule($"disks[{i}].interface", iface, ProxmoxFormats.IsDiskInterface, "must be scsi0-30, sata0-5, virtio0-15 or ide0-3");
            if (iface is not null && !seen.Add(iface))
            {
                failures.Add($"disks[{i}].interface", "must be unique among the disks", iface);
            }

            var size = Props.Int(disks[i], "size");
            failures.Min($"disks[{i}].size", size, 1);
            if (iface is not null && size is { } wanted && oldSizes.TryGetValue(iface, out var current) && wanted < current)
            {
                failures.AddRule($"disks[{i}].size", $"cannot shrink disk {iface} from {current} GB to {wanted} GB: Proxmox VE can only grow disks (was {wanted})");
            }

            failures.Rule($"disks[{i}].fileId", Props.String(disks[i], "fileId"), ProxmoxFormats.IsFileId, "must have the shape <datastore>:<content type>/<file>");
            failures.Rule($"disks[{i}].importFrom", Props.String(disks[i], "importFrom"), ProxmoxFormats.IsFileId, "must have the shape <datastore>:import/<file>");
            failures.OneOf($"disks[{i}].discard", Props.String(disks[i], "discard"), "on", "ignore");
        }
    }

    private static async Task CheckNetworkAsync(ProxmoxSession session, FailureList failures, ImmutableSortedDictionary<string, PropertyValue> news, CancellationToken cancellationToken)
    {
        var devices = Props.Objects(news, "networkDevices");
        var node = Props.String(news, "nodeName");
        ImmutableArray<string>? bridges = null;
        if (devices.Length > 0 && node is { Length: > 0 })
        {
            bridges = await session.BridgesAsync(node, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < devices.Length; i++)
        {
            failures.Range($"networkDevices[{i}].vlanId", Props.Int(devices[i], "vlanId"), 1, 4094);
            failures.Range($"networkDevices[{i}].mtu", Props.Int(devices[i], "mtu"), 1, 65520);
            failures.Range($"networkDevices[{i}].queues", Props.Int(devices[i], "queues"), 0, 64);
            failures.OneOf($"networkDevices[{i}].model", Props.String(devices[i], "model"), NetModels);
            failures.Rule($"networkDevices[{i}].macAddress", Props.String(devices[i], "macAddress"), ProxmoxFormats.IsMac, "must be a MAC address such as BC:24:11:00:00:01");
            var bridge = Props.String(devices[i], "bridge") ?? (Props.IsUnknown(devices[i], "bridge") ? null : "vmbr0");
            if (bridge is not null && bridges is { } known && !known.Contains(bridge, StringComparer.Ordinal))
            {
                failures.Add($"networkDevices[{i}].bridge", $"must be a bridge of node '{node}' ({string.Join(", ", known)})", bridge);
            }
        }
    }

    private static void CheckInitialization(FailureList failures, ImmutableSortedDictionary<string, PropertyValue>? init)
    {
        if (init is null)
        {
            return;
        }

        failures.Rule("initialization.interface", Props.String(init, "interface"), ProxmoxFormats.IsCloudInitInterface, "must be ide0-3, sata0-5 or scsi0-30");
        failures.OneOf("initialization.type", Props.String(init, "type"), "nocloud", "configdrive2");
        foreach (var key in new[] { "userDataFileId", "vendorDataFileId", "networkDataFileId", "metaDataFileId" })
        {
            failures.Rule("initialization." + key, Props.String(init, key), ProxmoxFormats.IsFileId, "must have the shape <datastore>:snippets/<file>");
        }

        if (Props.Has(init, "userAccount") && Props.Has(init, "userDataFileId"))
        {
            failures.Add("initialization.userAccount", "conflicts with initialization.userDataFileId (set only one)", Props.String(init, "userDataFileId"));
        }

        var configs = Props.Objects(init, "ipConfigs");
        for (var i = 0; i < configs.Length; i++)
        {
            var v4 = Props.Object(configs[i], "ipv4");
            var v6 = Props.Object(configs[i], "ipv6");
            failures.Rule($"initialization.ipConfigs[{i}].ipv4.address", Props.String(v4, "address"), ProxmoxFormats.IsIpv4Config, "must be an IPv4 CIDR such as 10.0.0.5/24, or dhcp");
            failures.Rule($"initialization.ipConfigs[{i}].ipv4.gateway", Props.String(v4, "gateway"), g => ProxmoxFormats.IsIp(g, v6: false), "must be an IPv4 address");
            failures.Rule($"initialization.ipConfigs[{i}].ipv6.address", Props.String(v6, "address"), ProxmoxFormats.IsIpv6Config, "must be an IPv6 CIDR, dhcp or auto");
            failures.Rule($"initialization.ipConfigs[{i}].ipv6.gateway", Props.String(v6, "gateway"), g => ProxmoxFormats.IsIp(g, v6: true), "must be an IPv6 address");
        }
    }
}
