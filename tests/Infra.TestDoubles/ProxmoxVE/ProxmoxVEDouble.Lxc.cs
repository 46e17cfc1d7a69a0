using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.TestDoubles.ProxmoxVE;

public sealed partial class ProxmoxVEDouble
{
    private static readonly string[] LxcConfigKeys =
    [
        "hostname", "description", "tags", "cores", "cpulimit", "cpuunits", "memory", "swap", "onboot", "protection",
        "features", "nameserver", "searchdomain", "arch", "ostype", "cmode", "console", "hookscript", "rootfs", "startup",
        "template", "unprivileged", "entrypoint",
    ];

    private JsonNode CreateLxc(string node, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, [.. LxcConfigKeys, "vmid", "ostemplate", "password", "ssh-public-keys", "pool", "start", "storage", "force", "restore", "unique"], ["vmid", "ostemplate"], LxcIndexedKeys());
        var id = VmId(p["vmid"]);
        lock (_gate)
        {
            var template = p["ostemplate"];
            var storage = template.Split(':')[0];
            if (!Volumes(node, storage).Any(v => v.Volid == template))
            {
                throw ProxmoxApiError.Parameter("ostemplate", $"volume '{template}' does not exist");
            }

            if (_guests.ContainsKey(id))
            {
                throw new ProxmoxApiError(500, $"CT {id} already exists");
            }

            var guest = new DoubleGuest(id, node, "lxc") { Lock = "create" };
            foreach (var (key, value) in p)
            {
                if (key.StartsWith("net", StringComparison.Ordinal))
                {
                    guest.Config[key] = CheckLxcNet(node, key, value);
                }
                else if (key == "rootfs")
                {
                    var rootStorage = value.Split(':')[0];
                    if (!AllowsContent(rootStorage, "rootdir"))
                    {
                        throw ProxmoxApiError.Parameter(key, $"storage '{rootStorage}' does not support container directories");
                    }

                    guest.Config[key] = $"{rootStorage}:subvol-{id}-disk-0,size={value[(rootStorage.Length + 1)..]}G";
                }
                else if (key is not ("vmid" or "ostemplate" or "password" or "ssh-public-keys" or "pool" or "start" or "storage" or "force" or "restore" or "unique"))
                {
                    guest.Config[key] = value;
                }
            }

            _guests[id] = guest;
        }

        return StartTask(node, "vzcreate", id.ToString(CultureInfo.InvariantCulture), user, async () =>
        {
            await DelayAsync("vzcreate").ConfigureAwait(false);
            lock (_gate)
            {
                _guests[id].Lock = null;
                if (p.GetValueOrDefault("start") == "1")
                {
                    _guests[id].Running = true;
                    _guests[id].StartedAt = _options.TimeProvider.GetUtcNow();
                }
            }
        });
    }

    private JsonNode? UpdateLxcConfig(string node, int id, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, [.. LxcConfigKeys, "delete", "digest"], null, LxcIndexedKeys());
        lock (_gate)
        {
            var guest = Guest(node, id, "lxc");
            if (guest.Lock is not null)
            {
                throw new ProxmoxApiError(500, $"CT is locked ({guest.Lock})");
            }

            if (p.TryGetValue("delete", out var deletes))
            {
                foreach (var key in deletes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    guest.Config.Remove(key);
                }
            }

            foreach (var (key, value) in p.Remove("delete").Remove("digest"))
            {
                guest.Config[key] = key.StartsWith("net", StringComparison.Ordinal) ? CheckLxcNet(node, key, value) : value;
            }
        }

        return null;
    }

    private JsonNode LxcInterfaces(string node, int id, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, []);
        lock (_gate)
        {
            var guest = Guest(node, id, "lxc");
            if (!guest.Running)
            {
                throw new ProxmoxApiError(500, $"CT {id} not running");
            }

            var result = new JsonArray { new JsonObject { ["name"] = "lo", ["inet"] = "127.0.0.1/8", ["inet6"] = "::1/128" } };
            foreach (var (key, value) in guest.Config.Where(c => Regex.IsMatch(c.Key, @"^net\d+$")))
            {
                var options = value.Split(',').Select(o => o.Split('=', 2)).ToDictionary(o => o[0], o => o.ElementAtOrDefault(1) ?? string.Empty, StringComparer.Ordinal);
                var ip = options.GetValueOrDefault("ip") is { } configured && configured != "dhcp"
                    ? configured
                    : string.Create(CultureInfo.InvariantCulture, $"192.0.2.{(id % 250) + 1}/24");
                result.Add(new JsonObject { ["name"] = options.GetValueOrDefault("name"), ["inet"] = ip, ["hwaddr"] = options.GetValueOrDefault("hwaddr") });
            }

            return result;
        }
    }

    private string CheckLxcNet(string node, string key, string value)
    {
        var options = value.Split(',').Select(o => o.Split('=', 2)).ToDictionary(o => o[0], o => o.ElementAtOrDefault(1) ?? string.Empty, StringComparer.Ordinal);
        if (!options.ContainsKey("name"))
        {
            throw ProxmoxApiError.Parameter(key, "invalid format - missing property 'name'");
        }

        foreach (var name in options.Keys)
        {
            if (name is not ("name" or "bridge" or "tag" or "firewall" or "hwaddr" or "ip" or "gw" or "ip6" or "gw6" or "mtu" or "rate" or "link_down" or "type" or "trunks"))
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

        return options.ContainsKey("hwaddr") ? value : value + ",hwaddr=" + NextMac();
    }

    [GeneratedRegex(@"^(net|mp|unused)\d+$")]
    private static partial Regex LxcIndexedKeys();
}
