using System.Diagnostics;

namespace Infra.Engine.Programs;

/// <summary>
/// Starts a child process with extra environment variables, hands every line it prints to a callback
/// (stdout and stderr, each in order) and returns its exit code. Cancellation kills the whole process tree.
/// </summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan OutputGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="fileName"/> to completion.</summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">The arguments (passed verbatim, no shell).</param>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="environment">Variables added to (or replacing those of) this process's environment.</param>
    /// <param name="onLine">Receives each line and whether it came from stderr.</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled (the process was killed).</exception>
    public static async Task<int> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Func<string, bool, ValueTask> onLine,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(onLine);
        cancellationToken.ThrowIfCancellationRequested();

        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{fileName}' in '{workingDirectory}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        using var registration = cancellationToken.Register(() => Kill(process));
        var stdout = PumpAsync(process.StandardOutput, isError: false, onLine);
        var stderr = PumpAsync(process.StandardError, isError: true, onLine);
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);

        // A grandchild that inherited the pipes (e.g. a build server) may keep them open: do not wait for it forever.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(OutputGracePeriod, TimeProvider.System, CancellationToken.None)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, bool isError, Func<string, bool, ValueTask> onLine)
    {
        while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            await onLine(line, isError).ConfigureAwait(false);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we tried.
        }
    }
}
