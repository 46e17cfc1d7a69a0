using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.TestDoubles.ProxmoxVE;

public sealed partial class ProxmoxVEDouble
{
    private static readonly string[] QemuConfigKeys =
    [
        "name", "description", "tags", "cores", "sockets", "cpu", "vcpus", "cpulimit", "cpuunits", "affinity", "memory", "balloon",
        "shares", "hugepages", "keephugepages", "numa", "onboot", "agent", "ciuser", "cipassword", "citype", "cicustom", "sshkeys",
        "nameserver", "searchdomain", "scsihw", "bios", "machine", "ostype", "boot", "protection", "template", "kvm", "args",
        "keyboard", "acpi", "tablet", "hookscript", "vga", "efidisk0", "tpmstate0", "startup", "arch", "ciupgrade",
    ];

    private static readonly string[] NetModels = ["virtio", "e1000", "e1000e", "rtl8139", "vmxnet3"];

    private JsonNode CreateQemu(string node, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, [.. QemuConfigKeys, "vmid", "pool", "start", "storage"], ["vmid"], IndexedQemuKeys());
        var id = VmId(p["vmid"]);
        lock (_gate)
        {
            if (_guests.ContainsKey(id))
            {
                throw new ProxmoxApiError(500, $"VM {id} already exists");
            }

            var guest = new DoubleGuest(id, node, "qemu") { Lock = "create" };
            ApplyQemuConfig(guest, p.Remove("vmid").Remove("pool").Remove("start").Remove("storage"));
            _guests[id] = guest;
        }

        return StartTask(node, "qmcreate", id.ToString(CultureInfo.InvariantCulture), user, async () =>
        {
            await DelayAsync("qmcreate").ConfigureAwait(false);
            lock (_gate)
            {
                _guests[id].Lock = null;
                _guests[id].Running = p.GetValueOrDefault("start") == "1";
            }
        }, onFailure: () => _guests.Remove(id));
    }

    private JsonNode CloneQemu(string node, int sourceId, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, ["newid", "name", "description", "full", "storage", "target", "pool", "format", "snapname", "bwlimit"], ["newid"]);
        var newId = VmId(p["newid"]);
        string sourceStorage;
        lock (_gate)
        {
            var source = Guest(node, sourceId, "qemu");
            if (p.TryGetValue("target", out var target) && !_options.Nodes.Contains(target))
            {
                throw ProxmoxApiError.Parameter("target", $"no such cluster node '{target}'");
            }

            if (p.TryGetValue("storage", out var storage) && !AllowsContent(storage, "images"))
            {
                throw ProxmoxApiError.Parameter("storage", $"storage '{storage}' does not exist or does not support vm images");
            }

            if (p.GetValueOrDefault("full") == "0" && source.Config.GetValueOrDefault("template") != "1")
            {
                throw new ProxmoxApiError(500, "Linked clone feature is not supported for this VM (it is not a template)");
            }

            if (_guests.ContainsKey(newId))
            {
                throw new ProxmoxApiError(500, $"VM {newId} already exists");
            }

            sourceStorage = source.Config.Where(c => IsDiskKey(c.Key)).Select(c => c.Value.Split(':')[0]).FirstOrDefault() ?? "local-lvm";

            // The new config file exists (locked) from the start, so its id is taken.
            _guests[newId] = new DoubleGuest(newId, p.GetValueOrDefault("target") ?? node, "qemu") { Lock = "clone" };
        }

        var targetStorage = p.GetValueOrDefault("storage") ?? sourceStorage;
        return StartTask(node, "qmclone", sourceId.ToString(CultureInfo.InvariantCulture), user, async () =>
        {
            var running = Interlocked.Increment(ref _runningClones);
            int seen;
            while (running > (seen = Volatile.Read(ref _maxRunningClones)) && Interlocked.CompareExchange(ref _maxRunningClones, running, seen) != seen)
            {
            }

            DoubleLock? templateLock = null;
            DoubleLock? storageLock = null;
            try
            {
                templateLock = await AcquireAsync(ConfigLockPath(sourceId)).ConfigureAwait(false);
                storageLock = await AcquireAsync(StorageLockPath(targetStorage)).ConfigureAwait(false);
                await DelayAsync("qmclone").ConfigureAwait(false);
                lock (_gate)
                {
                    var source = _guests[sourceId];
                    var clone = _guests[newId];
                    foreach (var (key, value) in source.Config)
                    {
                        clone.Config[key] = IsDiskKey(key)
                            ? Regex.Replace(value, @"^[^:]+:(base|vm)-\d+-disk-(\d+)", m => $"{targetStorage}:vm-{newId}-disk-{m.Groups[2].Value}")
                            : key.StartsWith("net", StringComparison.Ordinal) ? Regex.Replace(value, "=([0-9A-F:]{17})", "=" + NextMac()) : value;
                    }

                    clone.Config.Remove("template");
                    clone.Config["name"] = p.GetValueOrDefault("name") ?? "Copy-of-VM-" + source.Config.GetValueOrDefault("name");
                    if (p.TryGetValue("description", out var description))
                    {
                        clone.Config["description"] = description;
                    }

                    clone.Lock = null;
                }
            }
            finally
            {
                storageLock?.Release();
                templateLock?.Release();
                Interlocked.Decrement(ref _runningClones);
            }
        }, onFailure: () => _guests.Remove(newId));
    }

    private JsonNode? UpdateQemuConfig(string node, int id, ImmutableSortedDictionary<string, string> p, string user, bool async)
    {
        Allow(p, [.. QemuConfigKeys, "delete", "digest", "skiplock", "revert", "force"], null, IndexedQemuKeys());
        lock (_gate)
        {
            var guest = Guest(node, id, "qemu");
            if (guest.Lock is not null && p.GetValueOrDefault("skiplock") != "1")
            {
                throw new ProxmoxApiError(500, $"VM is locked ({guest.Lock})");
            }

            if (p.TryGetValue("delete", out var deletes))
            {
                foreach (var key in deletes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    guest.Config.Remove(key);
                }
            }

            ApplyQemuConfig(guest, p.Remove("delete").Remove("digest").Remove("skiplock").Remove("revert").Remove("force"));
        }

        return async
            ? StartTask(node, "qmconfig", id.ToString(CultureInfo.InvariantCulture), user, () => DelayAsync("qmconfig"))
            : null;
    }

    /// <summary>Validates and applies config values (caller holds the gate).</summary>
    private void ApplyQemuConfig(DoubleGuest guest, ImmutableSortedDictionary<string, string> values)
    {
        var updates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            updates[key] = key switch
            {
                _ when key.StartsWith("net", StringComparison.Ordinal) => CheckNet(guest.Node, key, value),
                _ when IsDiskKey(key) => AllocateDisk(guest, key, value),
                _ when key.StartsWith("ipconfig", StringComparison.Ordinal) => CheckIpConfig(key, value),
                "sshkeys" when value.Contains(' ', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) =>
                    throw ProxmoxApiError.Parameter(key, "invalid urlencoded string: the keys must be URL-encoded"),
                "memory" when int.Parse(value, CultureInfo.InvariantCulture) < 16 => throw ProxmoxApiError.Parameter(key, "value must have a minimum value of 16"),
                "cores" or "sockets" when int.Parse(value, CultureInfo.InvariantCulture) < 1 => throw ProxmoxApiError.Parameter(key, "value must have a minimum value of 1"),
                _ => value,
            };
        }

        foreach (var (key, value) in updates)
        {
            guest.Config[key] = value;
        }
    }

    private string CheckNet(string node, string key, string value)
    {
        var parts = value.Split(',');
        var model = parts[0].Split('=')[0];
        if (!NetModels.Contains(model, StringComparer.Ordinal))
        {
            throw ProxmoxApiError.Parameter(key, $"invalid format - model '{model}' is not one of {string.Join(", ", NetModels)}");
        }

        var options = parts.Skip(1).Select(o => o.Split('=', 2)).ToDictionary(o => o[0], o => o.Length > 1 ? o[1] : string.Empty, StringComparer.Ordinal);
        foreach (var name in options.Keys)
        {
            if (name is not ("bridge" or "tag" or "firewall" or "link_down" or "mtu" or "queues" or "rate" or "trunks" or "macaddr"))
            {
                throw ProxmoxApiError.Parameter(key, $"invalid format - unknown option '{name}'");
            }
        }

        if (options.TryGetValue("bridge", out var bridge) && !_options.Bridges.Contains(bridge))
        {
            throw ProxmoxApiError.Parameter(key, $"bridge '{bridge}' does not exist on node '{node}'");
        }

        if (options.TryGetValue("tag", out var tag) && (!int.TryParse(tag, CultureInfo.InvariantCulture, out var vlan) || vlan is < 1 or > 4094))
        {
            throw ProxmoxApiError.Parameter(key, $"invalid format - tag: value must be between 1 and 4094 (was '{tag}')");
        }

        return parts[0].Contains('=', StringComparison.Ordinal) ? value : parts[0] + "=" + NextMac() + value[parts[0].Length..];
    }

    private static string CheckIpConfig(string key, string value)
    {
        foreach (var option in value.Split(','))
        {
            var name = option.Split('=', 2)[0];
            if (name is not ("ip" or "gw" or "ip6" or "gw6"))
            {
                throw ProxmoxApiError.Parameter(key, $"invalid format - unknown option '{name}'");
            }
        }

        return value;
    }

    private string AllocateDisk(DoubleGuest guest, string key, string value)
    {
        var parts = value.Split(',');
        var volume = parts[0];
        var storage = volume.Split(':')[0];
        if (!AllowsContent(storage, "images") && !volume.EndsWith(":cloudinit", StringComparison.Ordinal) && !volume.Contains(":iso/", StringComparison.Ordinal))
        {
            throw ProxmoxApiError.Parameter(key, $"storage '{storage}' does not exist or does not support vm images");
        }

        var rest = parts.Length > 1 ? "," + string.Join(',', parts.Skip(1).Where(o => !o.StartsWith("size=", StringComparison.Ordinal))) : string.Empty;
        rest = rest == "," ? string.Empty : rest;
        if (volume.EndsWith(":cloudinit", StringComparison.Ordinal))
        {
            return $"{storage}:vm-{guest.VmId}-cloudinit,media=cdrom";
        }

        var allocation = volume[(storage.Length + 1)..];
        if (int.TryParse(allocation, NumberStyles.None, CultureInfo.InvariantCulture, out var gb))
        {
            var index = guest.Config.Keys.Count(IsDiskKey);
            return $"{storage}:vm-{guest.VmId}-disk-{index},size={gb}G{rest}";
        }

        // An existing volume: keep its recorded size.
        var size = guest.Config.TryGetValue(key, out var existing) ? SizeOption(existing) : "8G";
        return $"{volume},size={size}{rest}";
    }

    private JsonNode Resize(string node, int id, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, ["disk", "size", "digest", "skiplock"], ["disk", "size"]);
        var disk = p["disk"];
        lock (_gate)
        {
            var guest = Guest(node, id, "qemu");
            if (!guest.Config.TryGetValue(disk, out var config) || !IsDiskKey(disk))
            {
                throw ProxmoxApiError.Parameter("disk", $"no such disk '{disk}'");
            }

            if (guest.Lock is not null)
            {
                throw new ProxmoxApiError(500, $"VM is locked ({guest.Lock})");
            }

            var current = ParseGb(SizeOption(config));
            var requested = p["size"];
            var match = Regex.Match(requested, @"^(\+)?(\d+)([KMGT])?$");
            if (!match.Success)
            {
                throw ProxmoxApiError.Parameter("size", $"value '{requested}' does not match the regex pattern");
            }

            var amount = ParseGb(match.Groups[2].Value + (match.Groups[3].Success ? match.Groups[3].Value : "G"));
            var target = match.Groups[1].Success ? current + amount : amount;
            if (target < current)
            {
                throw new ProxmoxApiError(500, "shrinking disks is not supported");
            }

            guest.Config[disk] = Regex.Replace(config, @"size=[^,]+", "size=" + target.ToString(CultureInfo.InvariantCulture) + "G");
        }

        return StartTask(node, "qmresize", id.ToString(CultureInfo.InvariantCulture), user, () => DelayAsync("qmresize"));
    }

    private JsonNode ChangeStatus(string node, int id, string kind, string action, ImmutableSortedDictionary<string, string> p, string user)
    {
        var prefix = kind == "qemu" ? "qm" : "vz";
        switch (action)
        {
            case "start":
                Allow(p, ["skiplock", "timeout", "machine"]);
                break;
            case "stop":
                Allow(p, ["skiplock", "timeout", "keepActive", "overrule-shutdown"]);
                break;
            case "shutdown":
                Allow(p, ["timeout", "forceStop", "keepActive"]);
                break;
            case "reboot":
                Allow(p, ["timeout"]);
                break;
            default:
                throw new ProxmoxApiError(501, $"Method 'POST /nodes/{node}/{kind}/{id}/status/{action}' not implemented");
        }

        lock (_gate)
        {
            var guest = Guest(node, id, kind);
            if (guest.Lock is not null && p.GetValueOrDefault("skiplock") != "1")
            {
                throw new ProxmoxApiError(500, $"VM is locked ({guest.Lock})");
            }
        }

        return StartTask(node, prefix + action, id.ToString(CultureInfo.InvariantCulture), user, async () =>
        {
            await DelayAsync(prefix + action).ConfigureAwait(false);
            lock (_gate)
            {
                if (!_guests.TryGetValue(id, out var guest))
                {
                    throw new DoubleTaskFailure($"VM {id} does not exist");
                }

                switch (action)
                {
                    case "start" when guest.Running:
                        throw new DoubleTaskFailure($"VM {id} already running");
                    case "start":
                    case "reboot":
                        guest.Running = true;
                        guest.StartedAt = _options.TimeProvider.GetUtcNow();
                        break;
                    default:
                        guest.Running = false;
                        guest.StartedAt = null;
                        break;
                }
            }
        });
    }

    private JsonNode AgentInterfaces(string node, int id, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, []);
        lock (_gate)
        {
            var guest = Guest(node, id, "qemu");
            var agent = guest.Config.GetValueOrDefault("agent") ?? "0";
            if (!(agent.StartsWith('1') || agent.Contains("enabled=1", StringComparison.Ordinal)))
            {
                throw new ProxmoxApiError(500, "No QEMU guest agent configured");
            }

            if (!guest.Running || !guest.GuestAgentInstalled
                || _options.TimeProvider.GetUtcNow() - guest.StartedAt < _options.GuestAgentStartDelay)
            {
                throw new ProxmoxApiError(500, "QEMU guest agent is not running");
            }

            var interfaces = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = "lo",
                    ["hardware-address"] = "00:00:00:00:00:00",
                    ["ip-addresses"] = new JsonArray(
                        new JsonObject { ["ip-address-type"] = "ipv4", ["ip-address"] = "127.0.0.1", ["prefix"] = 8 },
                        new JsonObject { ["ip-address-type"] = "ipv6", ["ip-address"] = "::1", ["prefix"] = 128 }),
                },
            };
            foreach (var (key, value) in guest.Config.Where(c => Regex.IsMatch(c.Key, @"^net\d+$")))
            {
                var index = int.Parse(key[3..], CultureInfo.InvariantCulture);
                var mac = value.Split(',')[0].Split('=').ElementAtOrDefault(1) ?? "00:00:00:00:00:00";
                var ip = guest.Config.TryGetValue("ipconfig" + index, out var ipConfig) && Regex.Match(ipConfig, @"ip=([0-9.]+)/") is { Success: true } m
                    ? m.Groups[1].Value
                    : string.Create(CultureInfo.InvariantCulture, $"192.0.{2 + index}.{(id % 250) + 1}");
                interfaces.Add(new JsonObject
                {
                    ["name"] = "eth" + index.ToString(CultureInfo.InvariantCulture),
                    ["hardware-address"] = mac.ToLowerInvariant(),
                    ["ip-addresses"] = new JsonArray(
                        new JsonObject { ["ip-address-type"] = "ipv4", ["ip-address"] = ip, ["prefix"] = 24 },
                        new JsonObject { ["ip-address-type"] = "ipv6", ["ip-address"] = "fe80::be24:11ff:fe00:" + index.ToString("x", CultureInfo.InvariantCulture), ["prefix"] = 64 }),
                });
            }

            return new JsonObject { ["result"] = interfaces };
        }
    }

    private JsonNode Destroy(string node, int id, string kind, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, ["purge", "destroy-unreferenced-disks", "skiplock", "force"]);
        lock (_gate)
        {
            var guest = Guest(node, id, kind);
            if (guest.Running && p.GetValueOrDefault("force") != "1")
            {
                throw new ProxmoxApiError(500, $"{(kind == "qemu" ? "VM" : "CT")} {id} is running - destroy failed");
            }

            if (guest.Lock is not null && p.GetValueOrDefault("skiplock") != "1")
            {
                throw new ProxmoxApiError(500, $"VM is locked ({guest.Lock})");
            }

            if (guest.Config.GetValueOrDefault("protection") == "1")
            {
                throw new ProxmoxApiError(500, "can't remove VM " + id.ToString(CultureInfo.InvariantCulture) + " - protection mode enabled");
            }

            guest.Lock = "destroyed";
        }

        var type = kind == "qemu" ? "qmdestroy" : "vzdestroy";
        return StartTask(node, type, id.ToString(CultureInfo.InvariantCulture), user, async () =>
        {
            await DelayAsync(type).ConfigureAwait(false);
            lock (_gate)
            {
                _guests.Remove(id);
            }
        });
    }

    private bool AllowsContent(string storage, string content) =>
        _options.Storages.TryGetValue(storage, out var contents) && contents.Split(',').Contains(content, StringComparer.Ordinal);

    private static bool IsDiskKey(string key) => Regex.IsMatch(key, @"^(scsi|sata|virtio|ide)\d+$");

    private static string SizeOption(string config) => Regex.Match(config, @"size=([^,]+)") is { Success: true } m ? m.Groups[1].Value : "0G";

    private static long ParseGb(string size)
    {
        var number = long.Parse(size.TrimEnd('K', 'M', 'G', 'T'), CultureInfo.InvariantCulture);
        return size[^1] switch
        {
            'T' => number * 1024,
            'M' => number / 1024,
            'K' => number / (1024 * 1024),
            _ => number,
        };
    }

    [GeneratedRegex(@"^(net|scsi|sata|virtio|ide|ipconfig|serial|usb|hostpci|numa|unused)\d+$")]
    private static partial Regex IndexedQemuKeys();
}
