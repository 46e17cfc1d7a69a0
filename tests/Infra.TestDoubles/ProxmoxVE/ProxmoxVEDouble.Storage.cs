using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Infra.TestDoubles.ProxmoxVE;

public sealed partial class ProxmoxVEDouble
{
    private static readonly string[] ChecksumAlgorithms = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

    private JsonNode StorageContent(string node, string storage, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, ["content", "vmid"]);
        lock (_gate)
        {
            if (!_options.Storages.ContainsKey(storage))
            {
                throw new ProxmoxApiError(500, $"storage '{storage}' does not exist");
            }

            var filter = p.GetValueOrDefault("content");
            return new JsonArray([.. Volumes(node, storage)
                .Where(v => filter is null || v.Content == filter)
                .Select(v => (JsonNode)new JsonObject { ["volid"] = v.Volid, ["size"] = v.Size, ["content"] = v.Content, ["format"] = v.Content })]);
        }
    }

    private JsonNode DownloadUrl(string node, string storage, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, ["content", "filename", "url", "checksum", "checksum-algorithm", "compression", "verify-certificates"], ["content", "filename", "url"]);
        var content = p["content"];
        var fileName = p["filename"];
        if (content is not ("iso" or "vztmpl" or "import"))
        {
            throw ProxmoxApiError.Parameter("content", $"value '{content}' does not have a value in the enumeration 'iso, vztmpl, import'");
        }

        if (!Uri.TryCreate(p["url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw ProxmoxApiError.Parameter("url", "invalid format - value does not look like a valid http(s) URL");
        }

        if (p.TryGetValue("checksum-algorithm", out var algorithm) && !ChecksumAlgorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            throw ProxmoxApiError.Parameter("checksum-algorithm", $"value '{algorithm}' does not have a value in the enumeration '{string.Join(", ", ChecksumAlgorithms)}'");
        }

        if (p.ContainsKey("checksum") != p.ContainsKey("checksum-algorithm"))
        {
            throw ProxmoxApiError.Parameter("checksum", "checksum and checksum-algorithm must be given together");
        }

        var volid = $"{storage}:{content}/{fileName}";
        lock (_gate)
        {
            if (!AllowsContent(storage, content))
            {
                throw new ProxmoxApiError(500, $"storage '{storage}' does not support content-type '{content}'");
            }

            if (Volumes(node, storage).Any(v => v.Volid == volid))
            {
                throw new ProxmoxApiError(500, $"refusing to override existing file '{fileName}'");
            }
        }

        return StartTask(node, "download", string.Empty, user, async () =>
        {
            await DelayAsync("download").ConfigureAwait(false);
            lock (_gate)
            {
                Volumes(node, storage).Add((volid, 1_048_576 + fileName.Length, content));
            }
        });
    }

    private JsonNode DeleteVolume(string node, string storage, string volume, ImmutableSortedDictionary<string, string> p, string user)
    {
        Allow(p, ["delay"]);
        var volid = volume.Contains(':', StringComparison.Ordinal) ? volume : storage + ":" + volume;
        lock (_gate)
        {
            if (!Volumes(node, storage).Any(v => v.Volid == volid))
            {
                throw new ProxmoxApiError(500, $"volume '{volid}' does not exist");
            }
        }

        return StartTask(node, "imgdel", string.Empty, user, async () =>
        {
            await DelayAsync("imgdel").ConfigureAwait(false);
            lock (_gate)
            {
                Volumes(node, storage).RemoveAll(v => v.Volid == volid);
            }
        });
    }
}
