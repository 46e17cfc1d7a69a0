using System.Collections.Immutable;
using Infra.Command.Common;
using Infra.Protocol.Values;

namespace Infra.Command.Local;

/// <summary>
/// A command run on the machine that runs the deployment (<c>command:local:Command</c>). Create runs once; a change
/// of any input but <c>triggers</c> runs update (or create again); a change of <c>triggers</c> replaces; delete runs
/// on removal. Nothing runs during preview, so <see cref="Stdout"/> is unknown then.
/// </summary>
public sealed class Command : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "command:local:Command";

    /// <summary>Registers the command.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    public Command(string name, CommandArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new CommandArgs(), options, CommandPackage.Version)
    {
    }

    /// <summary>The create command.</summary>
    [Output("create")]
    public Output<string?> Create { get; private set; } = null!;

    /// <summary>The update command.</summary>
    [Output("update")]
    public Output<string?> Update { get; private set; } = null!;

    /// <summary>The delete command.</summary>
    [Output("delete")]
    public Output<string?> Delete { get; private set; } = null!;

    /// <summary>The extra environment.</summary>
    [Output("environment")]
    public Output<ImmutableDictionary<string, string>?> Environment { get; private set; } = null!;

    /// <summary>The working directory.</summary>
    [Output("dir")]
    public Output<string?> Dir { get; private set; } = null!;

    /// <summary>The interpreter.</summary>
    [Output("interpreter")]
    public Output<ImmutableArray<string>> Interpreter { get; private set; } = null!;

    /// <summary>The stdin text.</summary>
    [Output("stdin")]
    public Output<string?> Stdin { get; private set; } = null!;

    /// <summary>The triggers.</summary>
    [Output("triggers")]
    public Output<ImmutableArray<object>> Triggers { get; private set; } = null!;

    /// <summary>The logging choice.</summary>
    [Output("logging")]
    public Output<Logging?> Logging { get; private set; } = null!;

    /// <summary>Whether previous output is passed in the environment.</summary>
    [Output("addPreviousOutputInEnv")]
    public Output<bool?> AddPreviousOutputInEnv { get; private set; } = null!;

    /// <summary>The asset globs.</summary>
    [Output("assetPaths")]
    public Output<ImmutableArray<string>> AssetPaths { get; private set; } = null!;

    /// <summary>The archive globs.</summary>
    [Output("archivePaths")]
    public Output<ImmutableArray<string>> ArchivePaths { get; private set; } = null!;

    /// <summary>The standard output of the last run (secret when a command, stdin or environment value is secret).</summary>
    [Output("stdout")]
    public Output<string> Stdout { get; private set; } = null!;

    /// <summary>The standard error of the last run (secret when a command, stdin or environment value is secret).</summary>
    [Output("stderr")]
    public Output<string> Stderr { get; private set; } = null!;

    /// <summary>The files matched by <c>assetPaths</c>: relative path to file asset (raw wire values).</summary>
    [Output("assets")]
    public Output<ImmutableDictionary<string, PropertyValue>?> Assets { get; private set; } = null!;

    /// <summary>An archive of the files matched by <c>archivePaths</c> (raw wire value).</summary>
    [Output("archive")]
    public Output<PropertyValue?> Archive { get; private set; } = null!;
}
