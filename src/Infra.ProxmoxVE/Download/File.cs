namespace Infra.ProxmoxVE.Download;

/// <summary>
/// A file Proxmox downloads from a URL into a datastore (proxmoxve 8.x <c>download/file:File</c>). Uses the
/// download-url API (no SSH). The ID is <c>datastore:contenttype/filename</c>.
/// </summary>
public sealed class File : CustomResource
{
    /// <summary>The type token (8.x).</summary>
    public const string TypeToken = "proxmoxve:download/file:File";

    /// <summary>Registers the download.</summary>
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
    [Output("size")]
    public Output<double> Size { get; private set; } = null!;

    private static FileArgs Validated(string name, FileArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems();
        const string path = nameof(FileArgs);
        problems.CheckNotEmpty($"{path}.{nameof(args.NodeName)}", args.NodeName);
        problems.CheckNotEmpty($"{path}.{nameof(args.DatastoreId)}", args.DatastoreId);
        problems.CheckRule($"{path}.{nameof(args.Url)}", args.Url, ProxmoxRules.IsHttpUrl, "must be an http:// or https:// URL");
        problems.CheckOneOf($"{path}.{nameof(args.ChecksumAlgorithm)}", args.ChecksumAlgorithm, "md5", "sha1", "sha224", "sha256", "sha384", "sha512");
        problems.CheckOneOf($"{path}.{nameof(args.DecompressionAlgorithm)}", args.DecompressionAlgorithm, "gz", "lzo", "zst", "bz2");
        problems.CheckMin($"{path}.{nameof(args.UploadTimeout)}", args.UploadTimeout, 1);
        if ((args.Checksum is null) != (args.ChecksumAlgorithm is null))
        {
            problems.Add($"{path}.{nameof(args.Checksum)}", "Checksum and ChecksumAlgorithm must be set together", args.Checksum is null ? "unset" : "set");
        }

        problems.CheckRule($"{path}.{nameof(args.FileName)}", args.FileName, n => !n.Contains('/', StringComparison.Ordinal), "must be a file name without '/'");
        problems.ThrowIfAny(TypeToken, name);
        return args;
    }
}
