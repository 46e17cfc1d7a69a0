using System.Diagnostics;
using System.Text;

namespace Infra.Engine.Providers.Command;

/// <summary>Runs a command on this machine: <c>interpreter... command</c>, with extra environment, a working directory and stdin.</summary>
internal static class LocalCommandRunner
{
    /// <summary>Runs <paramref name="command"/> to completion (killing it on cancellation).</summary>
    public static async Task<CommandRunResult> RunAsync(
        CommandSpec spec,
        string command,
        IReadOnlyDictionary<string, string> environment,
        IProgress<string>? lines,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(spec.Interpreter[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = string.IsNullOrEmpty(spec.Dir) ? Environment.CurrentDirectory : Path.GetFullPath(spec.Dir),
        };
        foreach (var argument in spec.Interpreter.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(command);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stdoutDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Collect(e.Data, stdout, stdoutDone, spec.Logging is CommandLogging.Stdout or CommandLogging.StdoutAndStderr ? lines : null);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, stderr, stderrDone, spec.Logging is CommandLogging.Stderr or CommandLogging.StdoutAndStderr ? lines : null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (spec.Stdin is { } stdin)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command exited without reading its input.
        }

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(stdoutDone.Task, stderrDone.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandRunResult(process.ExitCode, TrimFinalNewline(stdout), TrimFinalNewline(stderr));
    }

    private static void Collect(string? line, StringBuilder buffer, TaskCompletionSource done, IProgress<string>? lines)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }

        lines?.Report(line);
    }

    private static string TrimFinalNewline(StringBuilder buffer)
    {
        lock (buffer)
        {
            var text = buffer.ToString();
            return text.EndsWith('\n') ? text[..^1] : text;
        }
    }
}
