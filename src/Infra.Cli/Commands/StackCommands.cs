using System.CommandLine;
using System.Globalization;
using System.Text;
using Infra.Cli.Hosting;
using Infra.Cli.Rendering;
using Infra.Cli.Workspace;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Cli.Commands;

/// <summary><c>infra stack init|ls|select|rm|output|export|import</c>.</summary>
internal static class StackCommands
{
    private static readonly string[] ListHeader = ["NAME", "LAST UPDATE", "RESOURCE COUNT"];

    public static Command Create(CliApplication app)
    {
        var stack = new Command("stack", "Manage stacks");
        stack.Subcommands.Add(Init(app));
        stack.Subcommands.Add(List(app));
        stack.Subcommands.Add(Select(app));
        stack.Subcommands.Add(Remove(app));
        stack.Subcommands.Add(Output(app));
        stack.Subcommands.Add(Export(app));
        stack.Subcommands.Add(Import(app));
        return stack;
    }

    /// <summary>The root stack resource's outputs of a snapshot (empty when there is none).</summary>
    public static IReadOnlyDictionary<string, PropertyValue> StackOutputs(StackSnapshot? snapshot) =>
        snapshot?.Resources.FirstOrDefault(r => TypeDisplay.IsStack(r.Type) && r.Parent is null)?.Outputs
            ?? (IReadOnlyDictionary<string, PropertyValue>)new Dictionary<string, PropertyValue>();

    private static Command Init(CliApplication app)
    {
        var name = new Argument<string?>("name") { Description = "The stack name", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("init", "Create a stack (with a passphrase secrets provider) and select it") { name };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var text = context.Get(name) ?? context.Stack
                ?? context.Terminal?.ReadLine("Please enter your desired stack name:")
                ?? throw new UsageException("stack init: a stack name is required (pass it as the argument or with --stack)");
            var stack = workspace.ParseStack(text, "stack name");
            if (await workspace.Backend.StackExistsAsync(stack, context.CancellationToken).ConfigureAwait(false))
            {
                throw new UsageException($"stack '{stack.Name}' already exists");
            }

            await CreateAndSelectAsync(context, workspace, stack).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Creates <paramref name="stack"/> with a passphrase secrets provider (salt in its settings file) and selects it.</summary>
    private static async Task CreateAndSelectAsync(CommandContext context, CliWorkspace workspace, StackReference stack)
    {
        var settings = await workspace.LoadSettingsAsync(stack, context.CancellationToken).ConfigureAwait(false);
        var hadSalt = settings.EncryptionSalt is not null;
        var crypter = workspace.OpenCrypter(settings, createIfMissing: true);
        if (!hadSalt)
        {
            await settings.SaveAsync(workspace.SettingsPath(stack), context.CancellationToken).ConfigureAwait(false);
        }

        await workspace.Backend.CreateStackAsync(stack, SecretsProviderState.Passphrase(crypter.EncryptionSalt), context.CancellationToken)
            .ConfigureAwait(false);
        workspace.WriteSelectedStack(stack.Name);
        await context.Out.WriteLineAsync($"Created stack '{stack.Name}'").ConfigureAwait(false);
    }

    private static Command List(CliApplication app)
    {
        var command = new Command("ls", "List the project's stacks; the selected one is marked with *");
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var stacks = await workspace.Backend.ListStacksAsync(workspace.Project.Name, context.CancellationToken).ConfigureAwait(false);
            var selected = workspace.ReadSelectedStack();
            var rows = new List<string[]> { ListHeader };
            foreach (var stack in stacks)
            {
                string lastUpdate = "n/a", count = "n/a";
                try
                {
                    var snapshot = await workspace.Backend.LoadAsync(stack, BlindingCrypter.Instance, context.CancellationToken).ConfigureAwait(false);
                    if (snapshot is not null)
                    {
                        lastUpdate = snapshot.Manifest.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                        count = snapshot.Resources.Length.ToString(CultureInfo.InvariantCulture);
                    }
                }
                catch (Exception exception) when (exception is StateFormatException or StateIntegrityException or IOException)
                {
                    count = "unreadable";
                }

                rows.Add([stack.Name + (stack.Name == selected ? "*" : string.Empty), lastUpdate, count]);
            }

            await context.Out.WriteAsync(FormatColumns(rows)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Select(CliApplication app)
    {
        var name = new Argument<string?>("name") { Description = "The stack to select", Arity = ArgumentArity.ZeroOrOne };
        var create = new Option<bool>("--create", "-c") { Description = "Create the stack (with a passphrase secrets provider) if it does not exist" };
        var command = new Command("select", "Select the stack later commands use") { name, create };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var text = context.Get(name) ?? context.Stack;
            if (text is null)
            {
                var stacks = await workspace.Backend.ListStacksAsync(workspace.Project.Name, context.CancellationToken).ConfigureAwait(false);
                if (context.Terminal is null || stacks.IsEmpty)
                {
                    throw new UsageException("stack select: a stack name is required (pass it as the argument or with --stack)");
                }

                text = context.Terminal.Choose("Please choose a stack:", [.. stacks.Select(s => s.Name)]);
            }

            var stack = workspace.ParseStack(text, "stack name");
            if (!await workspace.Backend.StackExistsAsync(stack, context.CancellationToken).ConfigureAwait(false))
            {
                if (!context.Get(create))
                {
                    throw new UsageException($"no stack named '{stack.Name}' found in project '{workspace.Project.Name}' (pass --create to create it)");
                }

                await CreateAndSelectAsync(context, workspace, stack).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            workspace.WriteSelectedStack(stack.Name);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CliApplication app)
    {
        var name = new Argument<string?>("name") { Description = "The stack to remove (defaults to the selected stack)", Arity = ArgumentArity.ZeroOrOne };
        var yes = CliOptions.Yes();
        var force = new Option<bool>("--force", "-f") { Description = "Remove the stack even if it still has resources (they are left as they are)" };
        var preserveConfig = new Option<bool>("--preserve-config") { Description = "Keep the Pulumi.<stack>.yaml file" };
        var command = new Command("rm", "Remove a stack and its configuration") { name, yes, force, preserveConfig };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var text = context.Get(name);
            var stack = text is null
                ? await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false)
                : workspace.ParseStack(text, "stack name");
            if (!await workspace.Backend.StackExistsAsync(stack, context.CancellationToken).ConfigureAwait(false))
            {
                throw new UsageException($"no stack named '{stack.Name}' found in project '{workspace.Project.Name}'");
            }

            if (!context.Get(yes) && !context.Confirm($"This will permanently remove the '{stack.Name}' stack! Continue?", "stack rm"))
            {
                await context.Services.Error.WriteLineAsync("error: confirmation declined").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await workspace.Backend.RemoveStackAsync(stack, context.Get(force), context.CancellationToken).ConfigureAwait(false);
            var settingsPath = workspace.SettingsPath(stack);
            if (!context.Get(preserveConfig) && File.Exists(settingsPath))
            {
                File.Delete(settingsPath);
            }

            if (workspace.ReadSelectedStack() == stack.Name)
            {
                workspace.WriteSelectedStack(null);
            }

            await context.Out.WriteLineAsync($"Stack '{stack.Name}' has been removed!").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Output(CliApplication app)
    {
        var name = new Argument<string?>("property-name") { Description = "Print only this output", Arity = ArgumentArity.ZeroOrOne };
        var json = CliOptions.Json();
        var showSecrets = CliOptions.ShowSecrets();
        var shell = new Option<bool>("--shell") { Description = "Print the outputs as shell variable assignments (export NAME='value')" };
        var command = new Command("output", "Show the stack's outputs") { name, json, showSecrets, shell };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
            var reveal = context.Get(showSecrets);
            var crypter = reveal
                ? (Engine.Secrets.ISecretsCrypter)workspace.OpenCrypter(
                    await workspace.LoadSettingsAsync(stack, context.CancellationToken).ConfigureAwait(false), createIfMissing: false)
                : BlindingCrypter.Instance;
            var snapshot = await workspace.Backend.LoadAsync(stack, crypter, context.CancellationToken).ConfigureAwait(false);
            var outputs = StackOutputs(snapshot);
            var property = context.Get(name);
            if (property is not null && !outputs.ContainsKey(property))
            {
                throw new UsageException($"current stack does not have output property '{property}'");
            }

            string text;
            if (context.Get(json) && context.Get(shell))
            {
                throw new UsageException("stack output: --json and --shell cannot be used together");
            }

            if (context.Get(shell))
            {
                text = StackOutputFormatter.FormatShell(outputs, property, reveal);
            }
            else if (context.Get(json))
            {
                text = StackOutputFormatter.FormatJson(outputs, property, reveal);
            }
            else if (property is not null)
            {
                text = StackOutputFormatter.FormatValue(outputs[property], reveal) + "\n";
            }
            else
            {
                text = StackOutputFormatter.FormatTable(outputs, reveal);
            }

            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export(CliApplication app)
    {
        var file = new Option<string?>("--file") { Description = "Write the deployment to this file instead of standard output" };
        var showSecrets = CliOptions.ShowSecrets();
        var command = new Command("export", "Export the stack's deployment as JSON") { file, showSecrets };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
            var reveal = context.Get(showSecrets);
            var crypter = reveal
                ? workspace.OpenCrypter(await workspace.LoadSettingsAsync(stack, context.CancellationToken).ConfigureAwait(false), createIfMissing: false)
                : null;
            var text = await workspace.Backend.ExportAsync(stack, crypter, reveal, context.CancellationToken).ConfigureAwait(false);
            if (context.Get(file) is { } path)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(path, workspace.WorkingDirectory), text, context.CancellationToken).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import(CliApplication app)
    {
        var file = new Option<string?>("--file") { Description = "Read the deployment from this file instead of standard input" };
        var command = new Command("import", "Replace the stack's deployment with an exported one") { file };
        app.SetAction(command, async context =>
        {
            var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
            var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
            string text;
            if (context.Get(file) is { } path)
            {
                var fullPath = Path.GetFullPath(path, workspace.WorkingDirectory);
                if (!File.Exists(fullPath))
                {
                    throw new UsageException($"--file: the file does not exist (was '{path}')");
                }

                text = await File.ReadAllTextAsync(fullPath, context.CancellationToken).ConfigureAwait(false);
            }
            else
            {
                text = await context.Services.In.ReadToEndAsync(context.CancellationToken).ConfigureAwait(false);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("stack import: no deployment given (pass --file or pipe the JSON to standard input)");
            }

            var settings = await workspace.LoadSettingsAsync(stack, context.CancellationToken).ConfigureAwait(false);
            var crypter = settings.EncryptionSalt is null ? null : workspace.OpenCrypter(settings, createIfMissing: false);
            await workspace.Backend.ImportAsync(stack, text, crypter, context.CancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync("Import complete.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Columns padded to the widest cell plus 2 spaces; trailing spaces trimmed.</summary>
    public static string FormatColumns(IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0) + 2).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c]));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
