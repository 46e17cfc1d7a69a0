namespace Infra.ProxmoxVE.Storage;

/// <summary>
/// A file uploaded to a datastore, e.g. a cloud-init snippet (proxmoxve 8.x <c>index/fileLegacy:FileLegacy</c>).
/// Snippets and backups are uploaded over SSH (configure the provider's <c>ssh</c> block). Every content-defining
/// input forces replacement. The ID is <c>datastore:contenttype/filename</c>.
/// </summary>
public sealed class File : CustomResource
{
    /// <summary>The type token (8.x).</summary>
    public const string TypeToken = "proxmoxve:index/fileLegacy:FileLegacy";

    /// <summary>Registers the file.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ProxmoxVEValidationException">A known input breaks a rule.</exception>
    public File(string name, FileArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, Validated(name, args), options, ProxmoxVEPackage.Version)
    {
    }

    /// <summary>The file name in the datastore.</summary>
    [Output("fileName")]
    public Output<string> FileName { get; private set; } = null!;

    /// <summary>The size in bytes.</summary>
    [Output("fileSize")]
    public Output<double> FileSize { get; private set; } = null!;

    /// <summary>The modification date.</summary>
    [Output("fileModificationDate")]
    public Output<string> FileModificationDate { get; private set; } = null!;

    /// <summary>A tag identifying the content version.</summary>
    [Output("fileTag")]
    public Output<string> FileTag { get; private set; } = null!;

    private static FileArgs Validated(string name, FileArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems();
        const string path = nameof(FileArgs);
        problems.CheckNotEmpty($"{path}.{nameof(args.NodeName)}", args.NodeName);
        problems.CheckNotEmpty($"{path}.{nameof(args.DatastoreId)}", args.DatastoreId);
        if ((args.SourceRaw is null) == (args.SourceFile is null))
        {
            problems.Add($"{path}.{nameof(args.SourceRaw)}", "exactly one of SourceRaw and SourceFile must be set", args.SourceRaw is null ? "neither set" : "both set");
        }

        if (args.SourceRaw is { } raw)
        {
            problems.CheckRule($"{path}.{nameof(args.SourceRaw)}.{nameof(raw.FileName)}", raw.FileName, n => n.Length > 0 && !n.Contains('/', StringComparison.Ordinal), "must be a non-empty file name without '/'");
        }

        problems.CheckRule($"{path}.{nameof(args.FileMode)}", args.FileMode, m => m.Length is 3 or 4 && m.All(c => c is >= '0' and <= '7'), "must be an octal mode such as 0644");
        problems.CheckOneOf($"{path}.{nameof(args.UploadMode)}", args.UploadMode, "stream", "sftp");
        problems.ThrowIfAny(TypeToken, name);
        return args;
    }
}
