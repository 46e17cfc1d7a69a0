using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// <c>proxmoxve:download/file:File</c>: Proxmox downloads a URL into a datastore (the download-url API, no SSH).
/// The ID is <c>datastore:contenttype/filename</c>; every content-defining input forces replacement.
/// </summary>
internal sealed class DownloadFileHandler : IProxmoxResourceHandler
{
    public const string Token = "proxmoxve:download/file:File";

    private static readonly string[] ReplaceKeys =
        ["nodeName", "datastoreId", "url", "contentType", "fileName", "checksum", "checksumAlgorithm", "decompressionAlgorithm"];

    public string TypeToken => Token;

    public Task<CheckResult> CheckAsync(ProxmoxSession session, CheckRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyMaps.Ordinal(request.News);
        var failures = new FailureList();
        failures.AddRange(session.Config.Problems);
        foreach (var key in new[] { "nodeName", "datastoreId", "url", "contentType" })
        {
            if (!Props.Has(news, key))
            {
                failures.AddRule(key, "is required");
            }
        }

        failures.Rule("url", Props.String(news, "url"), ProxmoxFormats.IsHttpUrl, "must be an http:// or https:// URL");
        failures.OneOf("contentType", Props.String(news, "contentType"), "iso", "import", "vztmpl");
        failures.OneOf("checksumAlgorithm", Props.String(news, "checksumAlgorithm"), "md5", "sha1", "sha224", "sha256", "sha384", "sha512");
        failures.OneOf("decompressionAlgorithm", Props.String(news, "decompressionAlgorithm"), "gz", "lzo", "zst", "bz2");
        failures.Min("uploadTimeout", Props.Int(news, "uploadTimeout"), 1);
        if (Props.Has(news, "checksum") != Props.Has(news, "checksumAlgorithm"))
        {
            failures.AddRule(Props.Has(news, "checksum") ? "checksumAlgorithm" : "checksum", "checksum and checksumAlgorithm must be set together");
        }

        failures.Rule("fileName", FileNameOf(news), n => n.Length > 0 && !n.Contains('/', StringComparison.Ordinal), "must be a file name (give fileName when the URL does not end in one)");
        return Task.FromResult(new CheckResult { Inputs = news, Failures = failures.ToImmutable() });
    }

    public DiffResult Diff(DiffRequest request) =>
        ProxmoxDiff.Compute(request.OldInputs, request.NewInputs, (key, _, _) => ReplaceKeys.Contains(key, StringComparer.Ordinal), deleteBeforeReplace: true);

    public async Task<CreateResult> CreateAsync(ProxmoxSession session, CreateRequest request, CancellationToken cancellationToken)
    {
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        var fileName = FileNameOf(inputs);
        var volid = VolumeId(inputs, fileName);
        if (request.Preview)
        {
            return new CreateResult
            {
                Id = volid,
                Outputs = inputs.SetItem("fileName", fileName is null ? PropertyValue.Unknown : Props.Of(fileName)).SetItem("size", PropertyValue.Unknown),
            };
        }

        var client = session.RequireClient("download a file");
        var node = Props.String(inputs, "nodeName")!;
        var storage = Props.String(inputs, "datastoreId")!;
        var form = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content"] = Props.String(inputs, "contentType")!,
            ["filename"] = fileName!,
            ["url"] = Props.String(inputs, "url")!,
            ["verify-certificates"] = Props.Bool(inputs, "verify") == false ? "0" : "1",
        };
        if (Props.String(inputs, "checksum") is { } checksum)
        {
            form["checksum"] = checksum;
            form["checksum-algorithm"] = Props.String(inputs, "checksumAlgorithm")!;
        }

        if (Props.String(inputs, "decompressionAlgorithm") is { } compression)
        {
            form["compression"] = compression;
        }

        var path = $"nodes/{Uri.EscapeDataString(node)}/storage/{Uri.EscapeDataString(storage)}";
        var timeout = TimeSpan.FromSeconds(Props.Int(inputs, "uploadTimeout") ?? 600);
        request.Progress?.Report($"downloading {fileName} into {storage}");
        try
        {
            await client.RunTaskAsync(node, () => client.PostAsync(path + "/download-url", form, cancellationToken), timeout, $"Downloading {fileName}", request.Progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException e) when (e.ApiMessage.Contains("refusing to override", StringComparison.Ordinal) && Props.Bool(inputs, "overwriteUnmanaged") == true)
        {
            await client.RunTaskAsync(node, () => client.DeleteAsync($"{path}/content/{Uri.EscapeDataString(volid!)}", cancellationToken: cancellationToken), timeout, $"Removing unmanaged {fileName}", request.Progress, cancellationToken).ConfigureAwait(false);
            await client.RunTaskAsync(node, () => client.PostAsync(path + "/download-url", form, cancellationToken), timeout, $"Downloading {fileName}", request.Progress, cancellationToken).ConfigureAwait(false);
        }

        var size = await SizeAsync(client, node, storage, volid!, cancellationToken).ConfigureAwait(false);
        return new CreateResult { Id = volid, Outputs = inputs.SetItem("fileName", Props.Of(fileName!)).SetItem("size", size is null ? PropertyValue.Null : PropertyValue.Create(size.Value)) };
    }

    public async Task<ReadResult> ReadAsync(ProxmoxSession session, ReadRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("refresh a downloaded file");
        var state = request.State.IsEmpty ? request.Inputs : request.State;
        var size = await SizeAsync(client, Props.String(state, "nodeName")!, Props.String(state, "datastoreId")!, request.Id, cancellationToken).ConfigureAwait(false);
        return size is null
            ? ReadResult.Gone
            : new ReadResult { Id = request.Id, Inputs = request.Inputs, Outputs = PropertyMaps.Ordinal(state).SetItem("size", PropertyValue.Create(size.Value)) };
    }

    public Task<UpdateResult> UpdateAsync(ProxmoxSession session, UpdateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new UpdateResult
        {
            Outputs = PropertyMaps.Ordinal(request.NewInputs)
                .SetItem("fileName", request.OldOutputs.GetValueOrDefault("fileName") ?? PropertyValue.Unknown)
                .SetItem("size", request.OldOutputs.GetValueOrDefault("size") ?? PropertyValue.Unknown),
        });

    public async Task DeleteAsync(ProxmoxSession session, DeleteRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("delete a downloaded file");
        var state = request.Outputs.IsEmpty ? request.Inputs : request.Outputs;
        var node = Props.String(state, "nodeName")!;
        var storage = Props.String(state, "datastoreId")!;
        try
        {
            await client.RunTaskAsync(
                node,
                () => client.DeleteAsync($"nodes/{Uri.EscapeDataString(node)}/storage/{Uri.EscapeDataString(storage)}/content/{Uri.EscapeDataString(request.Id)}", cancellationToken: cancellationToken),
                TimeSpan.FromMinutes(10),
                $"Deleting {request.Id}",
                request.Progress,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ProxmoxApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }

    internal static async Task<double?> SizeAsync(ProxmoxApiClient client, string node, string storage, string volid, CancellationToken cancellationToken)
    {
        var content = await client.GetAsync($"nodes/{Uri.EscapeDataString(node)}/storage/{Uri.EscapeDataString(storage)}/content", cancellationToken: cancellationToken).ConfigureAwait(false) as JsonArray;
        var entry = content?.OfType<JsonObject>().FirstOrDefault(v => (string?)v["volid"] == volid);
        return entry is null ? null : (double?)entry["size"] ?? 0;
    }

    private static string? FileNameOf(IReadOnlyDictionary<string, PropertyValue> inputs)
    {
        if (Props.String(inputs, "fileName") is { } name)
        {
            return name;
        }

        return Props.String(inputs, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? Uri.UnescapeDataString(uri.Segments[^1])
            : null;
    }

    private static string? VolumeId(IReadOnlyDictionary<string, PropertyValue> inputs, string? fileName) =>
        Props.String(inputs, "datastoreId") is { } storage && Props.String(inputs, "contentType") is { } content && fileName is not null
            ? $"{storage}:{content}/{fileName}"
            : null;
}
