using System.Collections.Immutable;
using System.Globalization;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Turns VM inputs (Pulumi wire names) into Proxmox VE API parameters.</summary>
internal static class VmParameters
{
    private const string DefaultDatastore = "local-lvm";

    /// <summary>
    /// The managed settings (everything but disk allocation). <paramref name="current"/> is the live config,
    /// used to keep MAC addresses and an existing cloud-init drive.
    /// </summary>
    public static SortedDictionary<string, string> Settings(IReadOnlyDictionary<string, PropertyValue> inputs, IReadOnlyDictionary<string, string>? current)
    {
        var p = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Set(p, "name", Props.String(inputs, "name"));
        Set(p, "description", Props.String(inputs, "description"));
        var tags = Props.Strings(inputs, "tags");
        if (tags.Length > 0)
        {
            p["tags"] = string.Join(';', tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        var cpu = Props.Object(inputs, "cpu");
        p["cores"] = Int(Props.Int(cpu, "cores") ?? 1);
        p["sockets"] = Int(Props.Int(cpu, "sockets") ?? 1);
        var flags = Props.Strings(cpu, "flags");
        p["cpu"] = (Props.String(cpu, "type") ?? "qemu64") + (flags.Length > 0 ? ",flags=" + string.Join(';', flags) : string.Empty);
        Set(p, "vcpus", Props.Int(cpu, "hotplugged") is > 0 and var vcpus ? Int(vcpus) : null);
        Set(p, "cpulimit", Props.Number(cpu, "limit") is > 0 and var limit ? limit.ToString(CultureInfo.InvariantCulture) : null);
        Set(p, "cpuunits", Props.Int(cpu, "units") is { } units ? Int(units) : null);
        Set(p, "numa", Bool(Props.Bool(cpu, "numa")));
        Set(p, "affinity", Props.String(cpu, "affinity"));

        var memory = Props.Object(inputs, "memory");
        p["memory"] = Int(Props.Int(memory, "dedicated") ?? 512);
        p["balloon"] = Int(Props.Int(memory, "floating") ?? 0);
        Set(p, "hugepages", Props.String(memory, "hugepages"));
        Set(p, "keephugepages", Bool(Props.Bool(memory, "keepHugepages")));

        var devices = Props.Objects(inputs, "networkDevices");
        for (var i = 0; i < devices.Length; i++)
        {
            if (Props.Bool(devices[i], "enabled") == false)
            {
                continue;
            }

            var key = "net" + Int(i);
            var mac = Props.String(devices[i], "macAddress")
                ?? (current is not null && current.TryGetValue(key, out var live) ? ProxmoxFormats.MacOf(live) : null);
            var net = (Props.String(devices[i], "model") ?? "virtio") + (mac is null ? string.Empty : "=" + mac)
                + ",bridge=" + (Props.String(devices[i], "bridge") ?? "vmbr0");
            net += Props.Int(devices[i], "vlanId") is { } tag ? ",tag=" + Int(tag) : string.Empty;
            net += Props.Bool(devices[i], "firewall") == true ? ",firewall=1" : string.Empty;
            net += Props.Int(devices[i], "mtu") is { } mtu ? ",mtu=" + Int(mtu) : string.Empty;
            net += Props.Int(devices[i], "queues") is > 0 and var queues ? ",queues=" + Int(queues) : string.Empty;
            net += Props.Number(devices[i], "rateLimit") is > 0 and var rate ? ",rate=" + rate.ToString(CultureInfo.InvariantCulture) : string.Empty;
            net += Props.Bool(devices[i], "disconnected") == true ? ",link_down=1" : string.Empty;
            net += Props.String(devices[i], "trunks") is { } trunks ? ",trunks=" + trunks : string.Empty;
            p[key] = net;
        }

        var agent = Props.Object(inputs, "agent");
        p["agent"] = (Props.Bool(agent, "enabled") == true ? "enabled=1" : "enabled=0")
            + (Props.Bool(agent, "trim") == true ? ",fstrim_cloned_disks=1" : string.Empty)
            + ",type=" + (Props.String(agent, "type") ?? "virtio");
        p["onboot"] = Bool(Props.Bool(inputs, "onBoot") ?? true)!;
        Set(p, "bios", Props.String(inputs, "bios"));
        Set(p, "machine", Props.String(inputs, "machine"));
        Set(p, "scsihw", Props.String(inputs, "scsiHardware"));
        Set(p, "ostype", Props.String(Props.Object(inputs, "operatingSystem"), "type"));
        Set(p, "args", Props.String(inputs, "kvmArguments"));
        Set(p, "keyboard", Props.String(inputs, "keyboardLayout"));
        Set(p, "acpi", Bool(Props.Bool(inputs, "acpi")));
        Set(p, "tablet", Bool(Props.Bool(inputs, "tabletDevice")));
        Set(p, "protection", Bool(Props.Bool(inputs, "protection")));
        Set(p, "hookscript", Props.String(inputs, "hookScriptFileId"));
        AddCloudInit(p, Props.Object(inputs, "initialization"), current);
        return p;
    }

    /// <summary>The disks to allocate: interface to <c>datastore:sizeGB[,options]</c>.</summary>
    public static SortedDictionary<string, string> NewDisks(IReadOnlyDictionary<string, PropertyValue> inputs, IReadOnlyDictionary<string, string>? current)
    {
        var p = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var disk in Props.Objects(inputs, "disks"))
        {
            var iface = Props.String(disk, "interface");
            if (iface is null || (current is not null && current.ContainsKey(iface)))
            {
                continue;
            }

            var spec = Props.String(disk, "pathInDatastore") is { } path
                ? (Props.String(disk, "datastoreId") ?? DefaultDatastore) + ":" + path
                : (Props.String(disk, "datastoreId") ?? DefaultDatastore) + ":" + Int(Props.Int(disk, "size") ?? 8);
            spec += Props.String(disk, "importFrom") is { } import ? ",import-from=" + import : string.Empty;
            spec += Props.String(disk, "fileFormat") is { } format ? ",format=" + format : string.Empty;
            spec += Props.Bool(disk, "ssd") == true ? ",ssd=1" : string.Empty;
            spec += Props.String(disk, "discard") is { } discard ? ",discard=" + discard : string.Empty;
            spec += Props.Bool(disk, "iothread") == true ? ",iothread=1" : string.Empty;
            spec += Props.String(disk, "cache") is { } cache ? ",cache=" + cache : string.Empty;
            spec += Props.String(disk, "aio") is { } aio ? ",aio=" + aio : string.Empty;
            spec += Props.Bool(disk, "backup") == false ? ",backup=0" : string.Empty;
            spec += Props.Bool(disk, "replicate") == false ? ",replicate=0" : string.Empty;
            spec += Props.String(disk, "serial") is { } serial ? ",serial=" + serial : string.Empty;
            p[iface] = spec;
        }

        return p;
    }

    /// <summary>The wanted size in GB of each disk, by interface.</summary>
    public static ImmutableSortedDictionary<string, int> DiskSizes(IReadOnlyDictionary<string, PropertyValue> inputs) =>
        Props.Objects(inputs, "disks")
            .Where(d => Props.String(d, "interface") is not null)
            .GroupBy(d => Props.String(d, "interface")!, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => Props.Int(g.First(), "size") ?? 8, StringComparer.Ordinal);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AddCloudInit(SortedDictionary<string, string> p, ImmutableSortedDictionary<string, PropertyValue>? init, IReadOnlyDictionary<string, string>? current)
    {
        if (init is null)
        {
            return;
        }

        var drive = Props.String(init, "interface") ?? "ide2";
        if (current is null || !current.ContainsKey(drive))
        {
            p[drive] = (Props.String(init, "datastoreId") ?? DefaultDatastore) + ":cloudinit";
        }

        Set(p, "citype", Props.String(init, "type"));
        var configs = Props.Objects(init, "ipConfigs");
        for (var i = 0; i < configs.Length; i++)
        {
            var parts = new List<string>();
            var v4 = Props.Object(configs[i], "ipv4");
            var v6 = Props.Object(configs[i], "ipv6");
            AddPart(parts, "ip", Props.String(v4, "address"));
            AddPart(parts, "gw", Props.String(v4, "gateway"));
            AddPart(parts, "ip6", Props.String(v6, "address"));
            AddPart(parts, "gw6", Props.String(v6, "gateway"));
            if (parts.Count > 0)
            {
                p["ipconfig" + Int(i)] = string.Join(',', parts);
            }
        }

        var user = Props.Object(init, "userAccount");
        Set(p, "ciuser", Props.String(user, "username"));
        Set(p, "cipassword", Props.String(user, "password"));
        var keys = Props.Strings(user, "keys");
        if (keys.Length > 0)
        {
            // Proxmox wants the keys URL-encoded inside the (form-encoded) value.
            p["sshkeys"] = Uri.EscapeDataString(string.Join('\n', keys.Select(k => k.Trim())));
        }

        var dns = Props.Object(init, "dns");
        Set(p, "searchdomain", Props.String(dns, "domain"));
        var servers = Props.Strings(dns, "servers");
        if (servers.Length > 0)
        {
            p["nameserver"] = string.Join(' ', servers);
        }

        var custom = new List<string>();
        AddPart(custom, "user", Props.String(init, "userDataFileId"));
        AddPart(custom, "vendor", Props.String(init, "vendorDataFileId"));
        AddPart(custom, "network", Props.String(init, "networkDataFileId"));
        AddPart(custom, "meta", Props.String(init, "metaDataFileId"));
        if (custom.Count > 0)
        {
            p["cicustom"] = string.Join(',', custom);
        }
    }

    private static void AddPart(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(name + "=" + value);
        }
    }

    private static void Set(SortedDictionary<string, string> p, string key, string? value)
    {
        if (value is not null)
        {
            p[key] = value;
        }
    }

    private static string? Bool(bool? value) => value is null ? null : value.Value ? "1" : "0";
}
