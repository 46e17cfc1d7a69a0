using System.Collections.Immutable;
using Infra.Command.Common;

namespace Infra.Command.Remote;

/// <summary>
/// A command run on a host over SSH (<c>command:remote:Command</c>). Create runs once; a change of any input but
/// <c>triggers</c> runs update (or create again); a change of <c>triggers</c> replaces; delete runs on removal with
/// the stored connection. Nothing runs during preview, so <see cref="Stdout"/> is unknown then.
/// </summary>
public sealed class Command : CustomResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "command:remote:Command";

    /// <summary>Registers the command.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    public Command(string name, CommandArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options, CommandPackage.Version)
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

    /// <summary>The standard output of the last run (secret when a command, stdin or environment value is secret).</summary>
    [Output("stdout")]
    public Output<string> Stdout { get; private set; } = null!;

    /// <summary>The standard error of the last run (secret when a command, stdin or environment value is secret).</summary>
    [Output("stderr")]
    public Output<string> Stderr { get; private set; } = null!;
}
