using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>Running commands (locally or over SSH) and copying files.</summary>
internal sealed partial class CommandProvider
{
    private async Task<CommandRunResult> RunAsync(
        string type,
        string name,
        string operation,
        CommandSpec spec,
        string command,
        IReadOnlyDictionary<string, string> environment,
        SecretRedactor redactor,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var output = RedactingProgress.Wrap(progress, redactor);
        CommandRunResult result;
        string where;
        if (type == LocalCommandType)
        {
            where = "local, " + string.Join(' ', spec.Interpreter);
            result = await LocalCommandRunner.RunAsync(spec, command, environment, output, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var connection = spec.Connection
                ?? throw new InvalidOperationException($"The {operation} command of '{name}' cannot run: the resource has no connection.");
            where = "on " + connection;
            output?.Report($"connecting to {connection}");
            using var ssh = await _dialer.ConnectAsync(connection, output, cancellationToken).ConfigureAwait(false);
            var raw = await ssh.RunAsync(command, environment, spec.Stdin, cancellationToken).ConfigureAwait(false);
            result = raw with { Stdout = TrimFinalNewline(raw.Stdout), Stderr = TrimFinalNewline(raw.Stderr) };
            if (output is not null)
            {
                Report(output, spec.Logging is CommandLogging.Stdout or CommandLogging.StdoutAndStderr ? result.Stdout : string.Empty);
                Report(output, spec.Logging is CommandLogging.Stderr or CommandLogging.StdoutAndStderr ? result.Stderr : string.Empty);
            }
        }

        if (!result.Succeeded)
        {
            throw CommandFailedException.For(name, operation, where, result, redactor);
        }

        return result;
    }

    private Task<CommandRunResult> RunAsync(
        string type,
        string name,
        string operation,
        CommandSpec spec,
        string command,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, PropertyValue> inputs,
        IProgress<string>? progress,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, PropertyValue>? previousOutputs = null) =>
        RunAsync(type, name, operation, spec, command, environment, SecretRedactor.From(inputs, previousOutputs), progress, cancellationToken);

    private async Task CopyAsync(ImmutableSortedDictionary<string, PropertyValue> inputs, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var spec = CommandSpec.From(inputs);
        var connection = spec.Connection ?? throw new InvalidOperationException("CopyToRemote has no connection.");
        var remotePath = CommandValues.GetString(inputs, "remotePath") ?? throw new InvalidOperationException("CopyToRemote has no remotePath.");
        var source = inputs["source"];
        var output = RedactingProgress.Wrap(progress, SecretRedactor.From(inputs));
        output?.Report($"connecting to {connection}");
        using var ssh = await _dialer.ConnectAsync(connection, output, cancellationToken).ConfigureAwait(false);
        using var sftp = await ssh.OpenSftpAsync(cancellationToken).ConfigureAwait(false);
        await CopySource.UploadAsync(sftp, source, remotePath, output, cancellationToken).ConfigureAwait(false);
    }

    private static void Report(IProgress<string> progress, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            progress.Report(line);
        }
    }

    private static string TrimFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;
}
