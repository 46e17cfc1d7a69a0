using Infra.Command.Common;

namespace Infra.Command.Local;

/// <summary>Inputs of <see cref="Command"/>. Every command is optional; a missing <c>create</c> runs nothing on create.</summary>
public sealed class CommandArgs : ResourceArgs
{
    /// <summary>The command run once, when the resource is created.</summary>
    [Input("create")]
    public Input<string>? Create { get; init; }

    /// <summary>The command run when an input (other than <see cref="Triggers"/>) changes; <see cref="Create"/> runs again when unset.</summary>
    [Input("update")]
    public Input<string>? Update { get; init; }

    /// <summary>The command run when the resource is deleted (with the stored state and the last stdout/stderr in the environment).</summary>
    [Input("delete")]
    public Input<string>? Delete { get; init; }

    /// <summary>Extra environment variables.</summary>
    [Input("environment")]
    public InputMap<string>? Environment { get; init; }

    /// <summary>The working directory.</summary>
    [Input("dir")]
    public Input<string>? Dir { get; init; }

    /// <summary>The program and arguments the command text is appended to.</summary>
    /// <value>The default is <c>["/bin/sh", "-c"]</c> (<c>["cmd", "/C"]</c> on Windows).</value>
    [Input("interpreter")]
    public InputList<string>? Interpreter { get; init; }

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

    /// <summary>Globs (relative to <see cref="Dir"/>) of files returned as <see cref="Command.Assets"/> after the command ran.</summary>
    [Input("assetPaths")]
    public InputList<string>? AssetPaths { get; init; }

    /// <summary>Globs (relative to <see cref="Dir"/>) of files returned as <see cref="Command.Archive"/> after the command ran.</summary>
    [Input("archivePaths")]
    public InputList<string>? ArchivePaths { get; init; }
}
