using System.CommandLine;
using Infra.Cli.Hosting;

namespace Infra.Cli.Commands;

/// <summary><c>infra cancel</c>: removes the stack's lock files left by a running or crashed update.</summary>
internal static class CancelCommand
{
    public static Command Create(CliApplication app)
    {
        var yes = CliOptions.Yes();
        var command = new Command("cancel", "Cancel the stack's running update by removing its locks") { yes };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
            var locks = await workspace.Backend.ListLocksAsync(stack, context.CancellationToken).ConfigureAwait(false);
            if (locks.IsEmpty)
            {
                await context.Out.WriteLineAsync($"No update is in progress for stack '{stack.Name}'.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (!context.Get(yes) && !context.Confirm($"This will irreversibly cancel the currently running update for '{stack.Name}'! Continue?", "cancel"))
            {
                await context.Services.Error.WriteLineAsync("error: confirmation declined").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await workspace.Backend.CancelAsync(stack, context.CancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"The currently running update for '{stack.Name}' has been canceled!").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
