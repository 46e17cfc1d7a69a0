using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Command.Local;

/// <summary>The result of <see cref="Run"/>.</summary>
public sealed class RunResult
{
    /// <summary>The command that ran.</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>Its standard output (without the final newline).</summary>
    public string Stdout { get; init; } = string.Empty;

    /// <summary>Its standard error (without the final newline).</summary>
    public string Stderr { get; init; } = string.Empty;

    /// <summary>The files matched by <c>assetPaths</c> (raw wire values).</summary>
    public ImmutableDictionary<string, PropertyValue>? Assets { get; init; }

    /// <summary>The archive of files matched by <c>archivePaths</c> (raw wire value).</summary>
    public PropertyValue? Archive { get; init; }
}
