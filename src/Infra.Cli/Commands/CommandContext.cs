using System.CommandLine;
using Infra.Cli.Hosting;
using Infra.Cli.Workspace;

namespace Infra.Cli.Commands;

/// <summary>What one command invocation works with: the services, the parsed command line and the global flags.</summary>
internal sealed class CommandContext
{
    public required CliServices Services { get; init; }

    public required ParseResult ParseResult { get; init; }

    public required CancellationToken CancellationToken { get; init; }

    /// <summary>True when prompts may be shown and the live table drawn: a terminal, no <c>--non-interactive</c>, not CI.</summary>
    public required bool Interactive { get; init; }

    /// <summary>The <c>--cwd</c> value, if any.</summary>
    public string? Cwd { get; init; }

    /// <summary>The <c>--stack</c> value, if any.</summary>
    public string? Stack { get; init; }

    public TextWriter Out => Services.Out;

    /// <summary>The terminal when interactive, else null.</summary>
    public ITerminal? Terminal => Interactive ? Services.Terminal : null;

    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    public Task<CliWorkspace> OpenWorkspaceAsync() => CliWorkspace.OpenAsync(Services, Cwd, Interactive, CancellationToken);

    /// <summary>
    /// Asks for a yes/no confirmation; without a terminal refuses with a usage error naming <c>--yes</c>.
    /// </summary>
    public bool Confirm(string question, string action)
    {
        var terminal = Terminal ?? throw new UsageException(
            $"--yes must be passed in to proceed when running in non-interactive mode ({action})");
        return terminal.Choose(question, ["yes", "no"]) == "yes";
    }
}
