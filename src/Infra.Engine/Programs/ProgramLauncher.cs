using System.Globalization;
using System.Text;

namespace Infra.Engine.Programs;

/// <summary>
/// Builds and runs a program like Pulumi's .NET language host: the build's output and the program's
/// stdout/stderr are streamed line by line; a build failure stops the run with the build errors.
/// </summary>
internal static class ProgramLauncher
{
    private const int MaxErrorLines = 20;

    /// <summary>Runs <c>dotnet build</c> unless the project names a pre-built binary.</summary>
    /// <param name="command">What to build.</param>
    /// <param name="environment">Extra variables for the build (e.g. NuGet or MSBuild settings).</param>
    /// <param name="onLine">Receives each output line and whether it came from stderr.</param>
    /// <param name="cancellationToken">Kills the build when cancelled.</param>
    /// <exception cref="ProgramBuildException">The build failed.</exception>
    public static async Task BuildAsync(
        ProgramCommand command,
        IReadOnlyDictionary<string, string> environment,
        Func<string, bool, ValueTask> onLine,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(onLine);
        if (!command.NeedsBuild)
        {
            return;
        }

        var errors = new List<string>();
        var (fileName, arguments) = command.BuildCommand();
        var buildEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);

        // Build nodes and the build server would outlive the build holding our output pipes.
        buildEnvironment.TryAdd("MSBUILDDISABLENODEREUSE", "1");
        buildEnvironment.TryAdd("DOTNET_CLI_USE_MSBUILD_SERVER", "false");
        var exitCode = await ProcessRunner.RunAsync(
            fileName,
            arguments,
            command.ProgramDirectory,
            buildEnvironment,
            (line, isError) =>
            {
                if (line.Contains(": error ", StringComparison.Ordinal) && !errors.Contains(line.Trim()) && errors.Count < MaxErrorLines)
                {
                    errors.Add(line.Trim());
                }

                return onLine(line, isError);
            },
            cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Building the program '{command.ProjectPath}' failed ('dotnet build' exited with code {exitCode})");
            if (errors.Count > 0)
            {
                message.Append(':');
                foreach (var error in errors)
                {
                    message.AppendLine().Append("  ").Append(error);
                }
            }
            else
            {
                message.Append("; see the build output above.");
            }

            throw new ProgramBuildException(message.ToString());
        }
    }

    /// <summary>Starts the program and waits for it to exit.</summary>
    /// <param name="command">What to run.</param>
    /// <param name="environment">The full set of added variables (<see cref="ProgramEnvironment.ToVariables"/>).</param>
    /// <param name="onLine">Receives each output line and whether it came from stderr.</param>
    /// <param name="cancellationToken">Kills the program's process tree when cancelled.</param>
    public static async Task<ProgramExit> RunAsync(
        ProgramCommand command,
        IReadOnlyDictionary<string, string> environment,
        Func<string, bool, ValueTask> onLine,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (fileName, arguments) = command.RunCommand();
        var exitCode = await ProcessRunner.RunAsync(fileName, arguments, command.ProgramDirectory, environment, onLine, cancellationToken)
            .ConfigureAwait(false);
        return new ProgramExit(exitCode);
    }
}
