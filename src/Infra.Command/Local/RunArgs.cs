using Infra.Command.Common;

namespace Infra.Command.Local;

/// <summary>Arguments of <see cref="Run"/>.</summary>
public sealed class RunArgs : InvokeArgs
{
    /// <summary>The command to run.</summary>
    [Input("command")]
    public required Input<string> Command { get; init; }

    /// <summary>Extra environment variables.</summary>
    [Input("environment")]
    public InputMap<string>? Environment { get; init; }

    /// <summary>The working directory.</summary>
    [Input("dir")]
    public Input<string>? Dir { get; init; }

    /// <summary>The program and arguments the command text is appended to.</summary>
    /// <value>The default is <c>["/bin/sh", "-c"]</c>.</value>
    [Input("interpreter")]
    public InputList<string>? Interpreter { get; init; }

    /// <summary>Text written to the command's standard input.</summary>
    [Input("stdin")]
    public Input<string>? Stdin { get; init; }

    /// <summary>Which output streams are logged.</summary>
    [Input("logging")]
    public Input<Logging>? Logging { get; init; }

    /// <summary>Globs of files returned as <see cref="RunResult.Assets"/>.</summary>
    [Input("assetPaths")]
    public InputList<string>? AssetPaths { get; init; }

    /// <summary>Globs of files returned as <see cref="RunResult.Archive"/>.</summary>
    [Input("archivePaths")]
    public InputList<string>? ArchivePaths { get; init; }
}
