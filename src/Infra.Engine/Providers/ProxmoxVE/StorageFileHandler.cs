using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// <c>proxmoxve:index/fileLegacy:FileLegacy</c>: Check (including the SSH requirement of snippets and backups),
/// Diff (every content-defining input forces replacement), preview, refresh and delete through the API.
/// Uploading content is not implemented by the built-in provider: Create says so clearly (use a download
/// <c>File</c> for ISO images and templates, or the real provider plugin under <c>pulumi up</c>).
/// </summary>
internal sealed class StorageFileHandler : IProxmoxResourceHandler
{
    public const string Token = "proxmoxve:index/fileLegacy:FileLegacy";

    private static readonly string[] ReplaceKeys = ["nodeName", "datastoreId", "contentType", "sourceRaw", "sourceFile", "fileMode"];

    public string TypeToken => Token;

    public Task<CheckResult> CheckAsync(ProxmoxSession session, CheckRequest request, CancellationToken cancellationToken)
    {
        var news = PropertyMaps.Ordinal(request.News);
        var failures = new FailureList();
        failures.AddRange(session.Config.Problems);
        foreach (var key in new[] { "nodeName", "datastoreId" })
        {
            if (!Props.Has(news, key))
            {
                failures.AddRule(key, "is required");
            }
        }

        var hasRaw = Props.Has(news, "sourceRaw");
        var hasFile = Props.Has(news, "sourceFile");
        if (hasRaw == hasFile)
        {
            failures.AddRule("sourceRaw", $"exactly one of sourceRaw and sourceFile must be set (was {(hasRaw ? "both" : "neither")})");
        }

        var contentType = ContentTypeOf(news);
        failures.OneOf("contentType", contentType, "backup", "iso", "snippets", "import", "vztmpl");
        if (contentType is "snippets" or "backup" && session.Config.IsKnown && !session.Config.HasSsh)
        {
            failures.Add("contentType", "uploading snippets and backups needs SSH access to the node: configure the provider's ssh block (username plus privateKey, password or agent)", contentType);
        }

        failures.OneOf("uploadMode", Props.String(news, "uploadMode"), "stream", "sftp");
        return Task.FromResult(new CheckResult { Inputs = news, Failures = failures.ToImmutable() });
    }

    public DiffResult Diff(DiffRequest request) =>
        ProxmoxDiff.Compute(request.OldInputs, request.NewInputs, (key, _, _) => ReplaceKeys.Contains(key, StringComparer.Ordinal), deleteBeforeReplace: true);

    public Task<CreateResult> CreateAsync(ProxmoxSession session, CreateRequest request, CancellationToken cancellationToken)
    {
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        if (request.Preview)
        {
            var fileName = FileNameOf(inputs);
            return Task.FromResult(new CreateResult
            {
                Outputs = inputs
                    .SetItem("fileName", fileName is null ? PropertyValue.Unknown : Props.Of(fileName))
                    .SetItem("fileSize", PropertyValue.Unknown)
                    .SetItem("fileModificationDate", PropertyValue.Unknown)
                    .SetItem("fileTag", PropertyValue.Unknown),
            });
        }

        throw new NotSupportedException(
            $"{Token}: uploading files is not implemented by the built-in proxmoxve provider. "
            + "Use a download File (proxmoxve:download/file:File) for ISO images and templates, or deploy this stack with `pulumi up` and the proxmoxve plugin for snippets.");
    }

    public async Task<ReadResult> ReadAsync(ProxmoxSession session, ReadRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("refresh a file");
        var state = request.State.IsEmpty ? request.Inputs : request.State;
        var size = await DownloadFileHandler.SizeAsync(client, Props.String(state, "nodeName")!, Props.String(state, "datastoreId")!, request.Id, cancellationToken).ConfigureAwait(false);
        return size is null
            ? ReadResult.Gone
            : new ReadResult { Id = request.Id, Inputs = request.Inputs, Outputs = PropertyMaps.Ordinal(state).SetItem("fileSize", PropertyValue.Create(size.Value)) };
    }

    public Task<UpdateResult> UpdateAsync(ProxmoxSession session, UpdateRequest request, CancellationToken cancellationToken)
    {
        var outputs = PropertyMaps.Ordinal(request.NewInputs);
        foreach (var key in new[] { "fileName", "fileSize", "fileModificationDate", "fileTag" })
        {
            outputs = outputs.SetItem(key, request.OldOutputs.GetValueOrDefault(key) ?? PropertyValue.Unknown);
        }

        return Task.FromResult(new UpdateResult { Outputs = outputs });
    }

    public async Task DeleteAsync(ProxmoxSession session, DeleteRequest request, CancellationToken cancellationToken)
    {
        var client = session.RequireClient("delete a file");
        var state = request.Outputs.IsEmpty ? request.Inputs : request.Outputs;
        var node = Props.String(state, "nodeName")!;
        try
        {
            await client.RunTaskAsync(
                node,
                () => client.DeleteAsync($"nodes/{Uri.EscapeDataString(node)}/storage/{Uri.EscapeDataString(Props.String(state, "datastoreId")!)}/content/{Uri.EscapeDataString(request.Id)}", cancellationToken: cancellationToken),
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

    private static string? FileNameOf(IReadOnlyDictionary<string, PropertyValue> inputs) =>
        Props.String(Props.Object(inputs, "sourceRaw"), "fileName")
        ?? Props.String(Props.Object(inputs, "sourceFile"), "fileName")
        ?? (Props.String(Props.Object(inputs, "sourceFile"), "path") is { } path ? Path.GetFileName(path) : null);

    private static string? ContentTypeOf(IReadOnlyDictionary<string, PropertyValue> inputs)
    {
        if (Props.String(inputs, "contentType") is { } explicitType)
        {
            return explicitType;
        }

        var name = FileNameOf(inputs);
        return name is null ? null
            : name.EndsWith(".iso", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".img", StringComparison.OrdinalIgnoreCase) ? "iso"
            : name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tar.xz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tar.zst", StringComparison.OrdinalIgnoreCase) ? "vztmpl"
            : name.EndsWith(".qcow2", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".raw", StringComparison.OrdinalIgnoreCase) ? "import"
            : "snippets";
    }
}
