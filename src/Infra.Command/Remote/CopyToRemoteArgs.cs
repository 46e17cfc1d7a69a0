namespace Infra.Command.Remote;

/// <summary>Inputs of <see cref="CopyToRemote"/>.</summary>
public sealed class CopyToRemoteArgs : ResourceArgs
{
    /// <summary>How to reach the host (sent as a secret).</summary>
    [Input("connection")]
    public required Input<ConnectionArgs> Connection { get; init => field = CommandPackage.Secret(value); }

    /// <summary>The asset or archive to copy. A content change copies again.</summary>
    public required CopyToRemoteSource Source { get; init; }

    /// <summary>
    /// The destination. Its last element is created when missing; when it is an existing directory, the source is
    /// copied into it; an existing file is overwritten.
    /// </summary>
    [Input("remotePath")]
    public required Input<string> RemotePath { get; init; }

    /// <summary>Any values; a change replaces the resource (so the copy runs again).</summary>
    [Input("triggers")]
    public InputList<object>? Triggers { get; init; }

    [Input("source")]
    private Output<object> SourceValue => Source.Value;
}
