using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>The checked inputs of a <c>local:Command</c>, <c>remote:Command</c> or <c>local:run</c>, in plaintext.</summary>
internal sealed record CommandSpec
{
    /// <summary>The interpreter a local command runs with when none is given.</summary>
    public static readonly ImmutableArray<string> DefaultInterpreter = OperatingSystem.IsWindows() ? ["cmd", "/C"] : ["/bin/sh", "-c"];

    public string? Create { get; init; }

    public string? Update { get; init; }

    public string? Delete { get; init; }

    public string? Stdin { get; init; }

    public string? Dir { get; init; }

    public ImmutableArray<string> Interpreter { get; init; } = DefaultInterpreter;

    public ImmutableSortedDictionary<string, string> Environment { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public CommandLogging Logging { get; init; }

    public bool AddPreviousOutputInEnv { get; init; } = true;

    public ImmutableArray<string> AssetPaths { get; init; } = [];

    public ImmutableArray<string> ArchivePaths { get; init; } = [];

    public ConnectionSpec? Connection { get; init; }

    /// <summary>Reads checked inputs.</summary>
    public static CommandSpec From(IReadOnlyDictionary<string, PropertyValue> map)
    {
        var interpreter = CommandValues.GetStrings(map, "interpreter");
        return new CommandSpec
        {
            Create = CommandValues.GetString(map, "create"),
            Update = CommandValues.GetString(map, "update"),
            Delete = CommandValues.GetString(map, "delete"),
            Stdin = CommandValues.GetString(map, "stdin"),
            Dir = CommandValues.GetString(map, "dir"),
            Interpreter = interpreter.IsEmpty ? DefaultInterpreter : interpreter,
            Environment = CommandValues.GetStringMap(map, "environment"),
            Logging = ParseLogging(CommandValues.GetString(map, "logging")) ?? CommandLogging.StdoutAndStderr,
            AddPreviousOutputInEnv = CommandValues.GetBool(map, "addPreviousOutputInEnv", true),
            AssetPaths = CommandValues.GetStrings(map, "assetPaths"),
            ArchivePaths = CommandValues.GetStrings(map, "archivePaths"),
            Connection = CommandValues.Get(map, "connection") is { Kind: PropertyValueKind.Object } connection ? ConnectionSpec.From(connection) : null,
        };
    }

    /// <summary>The wire values of <c>logging</c>; null for anything else.</summary>
    public static CommandLogging? ParseLogging(string? text) => text switch
    {
        null => null,
        "stdoutAndStderr" => CommandLogging.StdoutAndStderr,
        "stdout" => CommandLogging.Stdout,
        "stderr" => CommandLogging.Stderr,
        "none" => CommandLogging.None,
        _ => null,
    };
}
