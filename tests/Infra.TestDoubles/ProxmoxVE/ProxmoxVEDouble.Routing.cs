using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.TestDoubles.ProxmoxVE;

public sealed partial class ProxmoxVEDouble
{
    private static readonly HashSet<string> BoolParameters = new(StringComparer.Ordinal)
    {
        "onboot", "protection", "template", "acpi", "tablet", "numa", "kvm", "keephugepages", "start", "full", "purge",
        "destroy-unreferenced-disks", "forceStop", "skiplock", "unprivileged", "verify-certificates", "force",
    };

    private static readonly HashSet<string> IntParameters = new(StringComparer.Ordinal)
    {
        "vmid", "newid", "cores", "sockets", "memory", "balloon", "vcpus", "cpuunits", "shares", "timeout", "swap", "cpulimit",
    };

    private Task<JsonNode?> DispatchAsync(string method, string[] segments, ImmutableSortedDictionary<string, string> p, string user)
    {
        foreach (var (name, value) in p)
        {
            if (BoolParameters.Contains(name) && value is not ("0" or "1"))
            {
                throw ProxmoxApiError.Parameter(name, $"type check ('boolean') failed - got '{value}'");
            }

            if (IntParameters.Contains(name) && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw ProxmoxApiError.Parameter(name, $"type check ('integer') failed - got '{value}'");
            }
        }

        if (segments is ["nodes", var nodeName, ..] && !_options.Nodes.Contains(nodeName))
        {
            throw new ProxmoxApiError(500, $"no such cluster node '{nodeName}'");
        }

        JsonNode? result = (method, segments) switch
        {
            ("GET", ["version"]) => Allow(p, []) ?? new JsonObject { ["version"] = "8.2.4", ["release"] = "8.2", ["repoid"] = "faa83925" },
            ("POST", ["access", "ticket"]) => Ticket(p),
            ("GET", ["cluster", "nextid"]) => NextId(p),
            ("GET", ["nodes"]) => Allow(p, []) ?? new JsonArray([.. _options.Nodes.Select(n => (JsonNode)new JsonObject { ["node"] = n, ["status"] = "online" })]),
            ("GET", ["nodes", _, "network"]) => Allow(p, ["type"]) ?? new JsonArray([.. _options.Bridges.Select(b => (JsonNode)new JsonObject { ["iface"] = b, ["type"] = "bridge", ["active"] = 1 })]),
            ("GET", ["nodes", _, "storage"]) => Allow(p, ["content", "storage", "enabled"]) ?? new JsonArray([.. _options.Storages.Select(s => (JsonNode)new JsonObject { ["storage"] = s.Key, ["content"] = s.Value, ["active"] = 1, ["enabled"] = 1 })]),
            ("GET", ["nodes", var node, "storage", var storage, "content"]) => StorageContent(node, storage, p),
            ("POST", ["nodes", var node, "storage", var storage, "download-url"]) => DownloadUrl(node, storage, p, user),
            ("DELETE", ["nodes", var node, "storage", var storage, "content", var volume]) => DeleteVolume(node, storage, volume, p, user),
            ("GET", ["nodes", var node, "tasks", var upid, "status"]) => TaskStatus(node, upid, p),
            ("POST", ["nodes", var node, "qemu"]) => CreateQemu(node, p, user),
            ("POST", ["nodes", var node, "qemu", var id, "clone"]) => CloneQemu(node, VmId(id), p, user),
            ("GET", ["nodes", var node, "qemu", var id, "config"]) => ReadConfig(node, VmId(id), "qemu", p),
            ("PUT", ["nodes", var node, "qemu", var id, "config"]) => UpdateQemuConfig(node, VmId(id), p, user, async: false),
            ("POST", ["nodes", var node, "qemu", var id, "config"]) => UpdateQemuConfig(node, VmId(id), p, user, async: true),
            ("PUT", ["nodes", var node, "qemu", var id, "resize"]) => Resize(node, VmId(id), p, user),
            ("GET", ["nodes", var node, "qemu", var id, "status", "current"]) => CurrentStatus(node, VmId(id), "qemu", p),
            ("POST", ["nodes", var node, "qemu", var id, "status", var action]) => ChangeStatus(node, VmId(id), "qemu", action, p, user),
            ("GET", ["nodes", var node, "qemu", var id, "agent", "network-get-interfaces"]) => AgentInterfaces(node, VmId(id), p),
            ("DELETE", ["nodes", var node, "qemu", var id]) => Destroy(node, VmId(id), "qemu", p, user),
            ("POST", ["nodes", var node, "lxc"]) => CreateLxc(node, p, user),
            ("GET", ["nodes", var node, "lxc", var id, "config"]) => ReadConfig(node, VmId(id), "lxc", p),
            ("PUT", ["nodes", var node, "lxc", var id, "config"]) => UpdateLxcConfig(node, VmId(id), p),
            ("GET", ["nodes", var node, "lxc", var id, "status", "current"]) => CurrentStatus(node, VmId(id), "lxc", p),
            ("POST", ["nodes", var node, "lxc", var id, "status", var action]) => ChangeStatus(node, VmId(id), "lxc", action, p, user),
            ("GET", ["nodes", var node, "lxc", var id, "interfaces"]) => LxcInterfaces(node, VmId(id), p),
            ("DELETE", ["nodes", var node, "lxc", var id]) => Destroy(node, VmId(id), "lxc", p, user),
            _ => throw new ProxmoxApiError(501, $"Method '{method} /{string.Join('/', segments)}' not implemented"),
        };
        return Task.FromResult(result);
    }

    /// <summary>Rejects parameters outside the documented set (and missing required ones); returns null to chain with ??.</summary>
    private static JsonNode? Allow(ImmutableSortedDictionary<string, string> p, string[] names, string[]? required = null, Regex? indexed = null)
    {
        foreach (var name in p.Keys)
        {
            if (!names.Contains(name, StringComparer.Ordinal) && indexed?.IsMatch(name) != true)
            {
                throw ProxmoxApiError.Parameter(name, "property is not defined in schema and the schema does not allow additional properties");
            }
        }

        foreach (var name in required ?? [])
        {
            if (!p.ContainsKey(name))
            {
                throw ProxmoxApiError.Parameter(name, "property is missing and it is not optional");
            }
        }

        return null;
    }

    private static int VmId(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 100)
        {
            throw ProxmoxApiError.Parameter("vmid", $"invalid format - value '{text}' does not look like a valid VM ID");
        }

        return id;
    }

    private JsonNode Ticket(ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, ["username", "password", "otp", "realm"], ["username", "password"]);
        if (p["username"] != _options.Username || p["password"] != _options.Password)
        {
            throw new ProxmoxApiError(401, "authentication failure");
        }

        return new JsonObject { ["ticket"] = _ticket, ["CSRFPreventionToken"] = _csrf, ["username"] = _options.Username };
    }

    private JsonNode NextId(ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, ["vmid"]);
        lock (_gate)
        {
            if (p.TryGetValue("vmid", out var wanted))
            {
                var id = VmId(wanted);
                if (_guests.ContainsKey(id))
                {
                    throw new ProxmoxApiError(400, $"VM {id} already exists");
                }

                return Value(wanted)!;
            }

            var next = 100;
            while (_guests.ContainsKey(next))
            {
                next++;
            }

            if (_idRacesLeft > 0)
            {
                // Someone else creates this id right after we answered.
                _idRacesLeft--;
                var other = new DoubleGuest(next, _options.Nodes[0], "qemu");
                other.Config["name"] = "created-by-someone-else";
                _guests[next] = other;
            }

            return Value(next.ToString(CultureInfo.InvariantCulture))!;
        }
    }

    private DoubleGuest Guest(string node, int id, string kind)
    {
        if (!_guests.TryGetValue(id, out var guest) || guest.Node != node || guest.Kind != kind)
        {
            var folder = kind == "qemu" ? "qemu-server" : "lxc";
            throw new ProxmoxApiError(500, $"Configuration file 'nodes/{node}/{folder}/{id}.conf' does not exist");
        }

        return guest;
    }

    private JsonNode ReadConfig(string node, int id, string kind, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, ["current", "snapshot"]);
        lock (_gate)
        {
            var guest = Guest(node, id, kind);
            var config = new JsonObject { ["digest"] = Convert.ToHexStringLower(BitConverter.GetBytes(guest.Config.Count)) };
            foreach (var (key, value) in guest.Config)
            {
                config[key] = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && IntParameters.Concat(BoolParameters).Contains(key)
                    ? number
                    : value;
            }

            if (guest.Lock is not null)
            {
                config["lock"] = guest.Lock;
            }

            return config;
        }
    }

    private JsonNode CurrentStatus(string node, int id, string kind, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, []);
        lock (_gate)
        {
            var guest = Guest(node, id, kind);
            return new JsonObject
            {
                ["vmid"] = id,
                ["status"] = guest.Running ? "running" : "stopped",
                ["name"] = guest.Config.GetValueOrDefault("name") ?? guest.Config.GetValueOrDefault("hostname"),
                ["lock"] = guest.Lock,
            };
        }
    }
}
