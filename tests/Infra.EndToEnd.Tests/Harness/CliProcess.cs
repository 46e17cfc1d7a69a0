using System.Diagnostics;
using System.Text;

namespace Infra.EndToEnd.Tests.Harness;

/// <summary>
/// The real <c>infra</c> command as a child process (the Infra.Cli.dll next to the tests), with its own
/// backend folder and passphrase, so tests can send it real signals.
/// </summary>
internal sealed class CliProcess
{
    private readonly string _projectDirectory;
    private readonly string _backendDirectory;
    private readonly IReadOnlyDictionary<string, string> _environment;

    public CliProcess(string projectDirectory, string backendDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        _projectDirectory = projectDirectory;
        _backendDirectory = backendDirectory;
        _environment = environment ?? new Dictionary<string, string>();
    }

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Infra.Cli.dll");

    /// <summary>Runs <c>infra <paramref name="args"/></c> to completion.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var process = Start(args, out var output);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>Starts <c>infra <paramref name="args"/></c>; <paramref name="output"/> collects stdout and stderr as they come.</summary>
    public Process Start(string[] args, out StringBuilder output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PULUMI_BACKEND_URL"] = "file://" + _backendDirectory;
        info.Environment["PULUMI_CONFIG_PASSPHRASE"] = "correct horse battery staple";
        info.Environment["CI"] = "true";
        info.Environment.Remove("PULUMI_CONFIG_PASSPHRASE_FILE");
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var collected = new StringBuilder();
        output = collected;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(collected, e.Data);
        process.ErrorDataReceived += (_, e) => Append(collected, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
