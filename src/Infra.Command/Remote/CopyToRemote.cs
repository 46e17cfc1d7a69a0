using System.Collections.Immutable;

namespace Infra.Command.Remote;

/// <summary>
/// Copies an asset or archive to a host over SFTP (<c>command:remote:CopyToRemote</c>). Removing the resource never
/// deletes the remote files.
/// </summary>
public sealed class CopyToRemote : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "command:remote:CopyToRemote";

    /// <summary>Registers the copy.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    public CopyToRemote(string name, CopyToRemoteArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options, CommandPackage.Version)
    {
    }

    /// <summary>The destination path.</summary>
    [Output("remotePath")]
    public Output<string> RemotePath { get; private set; } = null!;

    /// <summary>The triggers.</summary>
    [Output("triggers")]
    public Output<ImmutableArray<object>> Triggers { get; private set; } = null!;
}
