using System.CommandLine;
using System.Text.Json;
using Infra.Cli.Hosting;
using Infra.Engine.Projects;
using Infra.Engine.Secrets;
using Infra.Engine.State;

namespace Infra.Cli.Commands;

/// <summary>
/// The <c>infra</c> command line: builds the command tree on <see cref="CliServices"/>, parses, runs the
/// action, and turns errors into messages and exit codes (0 success, 1 failure, 2 usage error).
/// </summary>
internal sealed class CliApplication
{
    private readonly CliServices _services;
    private readonly Option<string?> _stack = CliOptions.Stack();
    private readonly Option<string?> _cwd = CliOptions.Cwd();
    private readonly Option<bool> _nonInteractive = CliOptions.NonInteractive();

    public CliApplication(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        Root = new RootCommand("infra: preview, deploy and manage Infra (and Pulumi .NET) stacks with local state.");
        Root.Options.Add(_stack);
        Root.Options.Add(_cwd);
        Root.Options.Add(_nonInteractive);
        Root.Subcommands.Add(StackCommands.Create(this));
        Root.Subcommands.Add(ConfigCommands.Create(this));
        foreach (var command in OperationCommands.Create(this))
        {
            Root.Subcommands.Add(command);
        }

        Root.Subcommands.Add(GraphCommand.Create(this));
        Root.Subcommands.Add(CancelCommand.Create(this));
    }

    public RootCommand Root { get; }

    public CliServices Services => _services;

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parseResult = Root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await _services.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            var path = string.Join(' ', CommandPath(parseResult.CommandResult.Command));
            await _services.Error.WriteLineAsync($"Run '{path} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = _services.Out,
            Error = _services.Error,
            EnableDefaultExceptionHandler = false,
            // Signals are handled by InterruptHandler (graceful first, immediate second), not by System.CommandLine.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets <paramref name="command"/>'s action to run <paramref name="body"/> with error handling.</summary>
    public void SetAction(Command command, Func<CommandContext, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(body);
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, body, cancellationToken));
    }

    private static List<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "infra" : current.Name);
        }

        return names;
    }

    private static bool IsContinuousIntegration(IReadOnlyDictionary<string, string> environment) =>
        (environment.TryGetValue("CI", out var ci) && ci.Trim().ToLowerInvariant() is "1" or "true")
        || (environment.TryGetValue("TERM", out var term) && term == "dumb");

    private async Task<int> ExecuteAsync(ParseResult parseResult, Func<CommandContext, Task<int>> body, CancellationToken cancellationToken)
    {
        var context = new CommandContext
        {
            Services = _services,
            ParseResult = parseResult,
            CancellationToken = cancellationToken,
            Interactive = _services.Terminal is not null && !parseResult.GetValue(_nonInteractive) && !IsContinuousIntegration(_services.Environment),
            Cwd = parseResult.GetValue(_cwd),
            Stack = parseResult.GetValue(_stack),
        };
        try
        {
            return await body(context).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            await WriteErrorAsync(exception.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (FormatException exception)
        {
            await WriteErrorAsync(exception.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await WriteErrorAsync("the operation was canceled").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is SecretsException or StateStoreException or StackLockedException
            or StateFormatException or StateIntegrityException or ProjectValidationException or IOException
            or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or JsonException or ArgumentException)
        {
            await WriteErrorAsync(exception.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception exception)
        {
            await WriteErrorAsync($"unexpected {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            if (_services.Environment.ContainsKey("INFRA_DEBUG"))
            {
                await _services.Error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Failure;
        }
    }

    private Task WriteErrorAsync(string message) => _services.Error.WriteLineAsync("error: " + message);
}
