using System.Globalization;
using System.Text;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// A create/update/delete command (or a <c>local:run</c>) exited with a non-zero code. The message names the
/// resource, the operation, where it ran, the exit code and the tail of stderr, with every secret masked.
/// </summary>
internal sealed class CommandFailedException : Exception
{
    /// <summary>How many trailing stderr lines a message shows.</summary>
    public const int TailLines = 20;

    public CommandFailedException()
    {
    }

    public CommandFailedException(string? message)
        : base(message)
    {
    }

    public CommandFailedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private CommandFailedException(string message, int exitCode, string stderrTail)
        : base(message)
    {
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    /// <summary>The command's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The last lines of stderr, secrets masked.</summary>
    public string StderrTail { get; } = string.Empty;

    /// <summary>Builds the exception for a failed run of <paramref name="operation"/> (create/update/delete/run).</summary>
    public static CommandFailedException For(
        string resource,
        string operation,
        string where,
        CommandRunResult result,
        SecretRedactor redactor)
    {
        var lines = redactor.Redact(result.Stderr).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - TailLines)));
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"The {operation} command of '{resource}' ({where}) exited with code {result.ExitCode}");
        if (tail.Length == 0)
        {
            message.Append("; stderr was empty.");
        }
        else
        {
            message.Append(CultureInfo.InvariantCulture, $"; stderr (last {Math.Min(lines.Length, TailLines)} lines):");
            foreach (var line in tail.Split('\n'))
            {
                message.Append("\n  ").Append(line);
            }
        }

        return new CommandFailedException(message.ToString(), result.ExitCode, tail);
    }
}
