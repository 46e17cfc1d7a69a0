using Infra.Command.Common;

namespace Infra.Command.Remote;

/// <summary>Inputs of <see cref="Command"/>. Every command is optional; a missing <c>create</c> runs nothing on create.</summary>
public sealed class CommandArgs : ResourceArgs
{
    /// <summary>How to reach the host (sent as a secret).</summary>
    [Input("connection")]
    public required Input<ConnectionArgs> Connection { get; init => field = CommandPackage.Secret(value); }

    /// <summary>The command run once, when the resource is created.</summary>
    [Input("create")]
    public Input<string>? Create { get; init; }

    /// <summary>The command run when an input (other than <see cref="Triggers"/>) changes; <see cref="Create"/> runs again when unset.</summary>
    [Input("update")]
    public Input<string>? Update { get; init; }

    /// <summary>The command run when the resource is deleted (with the stored connection and the last stdout/stderr in the environment).</summary>
    [Input("delete")]
    public Input<string>? Delete { get; init; }

    /// <summary>Extra environment variables (the built-in engine exports them in front of the command, so sshd's AcceptEnv does not matter).</summary>
    [Input("environment")]
    public InputMap<string>? Environment { get; init; }

    /// <summary>Text written to the command's standard input.</summary>
    [Input("stdin")]
    public Input<string>? Stdin { get; init; }

    /// <summary>Any values; a change replaces the resource (so create runs again).</summary>
    [Input("triggers")]
    public InputList<object>? Triggers { get; init; }

    /// <summary>Which output streams are logged.</summary>
    /// <value>The default is <see cref="Common.Logging.StdoutAndStderr"/>.</value>
    [Input("logging")]
    public Input<Logging>? Logging { get; init; }

    /// <summary>Whether the previous stdout/stderr are passed as <c>PULUMI_COMMAND_STDOUT</c>/<c>PULUMI_COMMAND_STDERR</c>.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    [Input("addPreviousOutputInEnv")]
    public Input<bool>? AddPreviousOutputInEnv { get; init; }
}
