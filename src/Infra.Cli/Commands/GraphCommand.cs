using System.CommandLine;
using Infra.Cli.Hosting;
using Infra.Cli.Rendering;
using Infra.Cli.Workspace;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra graph [file] [--format mermaid|dot]</c>: the stack's resource graph from its state. The format
/// defaults to DOT for <c>.dot</c>/<c>.gv</c> files and to Mermaid otherwise; without a file it is printed.
/// Secrets are not needed (the graph holds no values).
/// </summary>
internal static class GraphCommand
{
    public static Command Create(CliApplication app)
    {
        var file = new Argument<string?>("file") { Description = "Write the graph to this file", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string?>("--format") { Description = "mermaid or dot" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("graph", "Write the stack's dependency graph (Mermaid or DOT)") { file, format };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
            var snapshot = await workspace.Backend.LoadAsync(stack, BlindingCrypter.Instance, context.CancellationToken).ConfigureAwait(false);
            var resources = snapshot?.Resources ?? [];
            var path = context.Get(file);
            var chosen = context.Get(format)
                ?? (path is not null && Path.GetExtension(path).ToLowerInvariant() is ".dot" or ".gv" ? "dot" : "mermaid");
            var text = chosen == "dot" ? DotGraphFormatter.Format(resources) : MermaidGraphFormatter.Format(resources);
            if (path is null)
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllTextAsync(Path.GetFullPath(path, workspace.WorkingDirectory), text, context.CancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"Wrote stack dependency graph to `{path}`").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
