using System.CommandLine;
using Infra.Cli.Hosting;
using Infra.Cli.Workspace;
using Infra.Engine.Projects;
using Infra.Engine.Secrets;

namespace Infra.Cli.Commands;

/// <summary><c>infra config</c> (list), <c>config set [--secret] [--path]</c>, <c>config get [--path]</c>, <c>config rm [--path]</c>.</summary>
internal static class ConfigCommands
{
    private static readonly string[] Header = ["KEY", "VALUE"];

    public static Command Create(CliApplication app)
    {
        var showSecrets = CliOptions.ShowSecrets();
        var config = new Command("config", "Show the stack's configuration (secrets as [secret]) or change it") { showSecrets };
        app.SetAction(config, async context =>
        {
            var (workspace, stack, settings) = await OpenAsync(context).ConfigureAwait(false);
            var reveal = context.Get(showSecrets);
            var crypter = reveal && settings.EncryptionSalt is not null ? workspace.OpenCrypter(settings, createIfMissing: false) : null;
            var editor = new StackConfigEditor(settings, workspace.Project.Name, crypter);
            var rows = new List<string[]> { Header };
            foreach (var entry in editor.List(decrypt: reveal && crypter is not null).OrderBy(e => e.Key))
            {
                var key = entry.Key.Namespace == workspace.Project.Name ? entry.Key.Name : entry.Key.FullKey;
                rows.Add([key, entry.Text ?? "[secret]"]);
            }

            await context.Out.WriteAsync(StackCommands.FormatColumns(rows)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        config.Subcommands.Add(Set(app));
        config.Subcommands.Add(Get(app));
        config.Subcommands.Add(Remove(app));
        return config;
    }

    private static async Task<(CliWorkspace Workspace, Engine.State.StackReference Stack, StackSettingsFile Settings)> OpenAsync(CommandContext context)
    {
        var workspace = await context.OpenWorkspaceAsync().ConfigureAwait(false);
        var stack = await workspace.ResolveStackAsync(context.Stack, context.CancellationToken).ConfigureAwait(false);
        var settings = await workspace.LoadSettingsAsync(stack, context.CancellationToken).ConfigureAwait(false);
        return (workspace, stack, settings);
    }

    private static Command Set(CliApplication app)
    {
        var key = new Argument<string>("key") { Description = "The key, e.g. 'nodeCount' or 'kubernetes:context'" };
        var value = new Argument<string?>("value") { Description = "The value (read from standard input or a prompt when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var secret = new Option<bool>("--secret") { Description = "Encrypt the value" };
        var plaintext = new Option<bool>("--plaintext") { Description = "Store the value in plaintext (the default)" };
        var path = CliOptions.Path();
        var command = new Command("set", "Set a configuration value") { key, value, secret, plaintext, path };
        app.SetAction(command, async context =>
        {
            var isSecret = context.Get(secret);
            if (isSecret && context.Get(plaintext))
            {
                throw new UsageException("--secret and --plaintext cannot be used together");
            }

            var (workspace, stack, settings) = await OpenAsync(context).ConfigureAwait(false);
            var keyText = context.Get(key)!;
            var text = context.Get(value) ?? await ReadValueAsync(context, keyText, isSecret).ConfigureAwait(false);
            var crypter = isSecret ? workspace.OpenCrypter(settings, createIfMissing: true) : null;
            var editor = new StackConfigEditor(settings, workspace.Project.Name, crypter);
            editor.Set(keyText, text, isSecret, context.Get(path));
            await settings.SaveAsync(workspace.SettingsPath(stack), context.CancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> ReadValueAsync(CommandContext context, string key, bool secret)
    {
        if (context.Terminal is { } terminal)
        {
            return secret ? terminal.ReadSecret($"{key} (secret):") : terminal.ReadLine($"{key}:");
        }

        var text = await context.Services.In.ReadToEndAsync(context.CancellationToken).ConfigureAwait(false);
        if (text.Length == 0)
        {
            throw new UsageException($"config set: a value for '{key}' is required (pass it as the second argument or on standard input)");
        }

        return text.TrimEnd('\r', '\n');
    }

    private static Command Get(CliApplication app)
    {
        var key = new Argument<string>("key") { Description = "The key" };
        var path = CliOptions.Path();
        var json = CliOptions.Json();
        var command = new Command("get", "Print a configuration value (secrets are decrypted)") { key, path, json };
        app.SetAction(command, async context =>
        {
            var (workspace, stack, settings) = await OpenAsync(context).ConfigureAwait(false);
            var keyText = context.Get(key)!;
            var editor = new StackConfigEditor(settings, workspace.Project.Name, crypter: null);
            var entry = editor.Get(keyText, context.Get(path), decrypt: false)
                ?? throw new UsageException($"configuration key '{keyText}' not found for stack '{stack.Name}'");
            if (entry.IsSecret)
            {
                var crypter = workspace.OpenCrypter(settings, createIfMissing: false);
                entry = new StackConfigEditor(settings, workspace.Project.Name, crypter).Get(keyText, context.Get(path), decrypt: true)!;
            }

            var text = entry.Text ?? string.Empty;
            if (context.Get(json))
            {
                text = Rendering.CliJson.Build(2, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("value", text);
                    writer.WriteBoolean("secret", entry.IsSecret);
                    writer.WriteBoolean("objectValue", entry.IsStructured);
                    writer.WriteEndObject();
                });
            }

            await context.Out.WriteLineAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CliApplication app)
    {
        var key = new Argument<string>("key") { Description = "The key" };
        var path = CliOptions.Path();
        var command = new Command("rm", "Remove a configuration value") { key, path };
        app.SetAction(command, async context =>
        {
            var (workspace, stack, settings) = await OpenAsync(context).ConfigureAwait(false);
            var editor = new StackConfigEditor(settings, workspace.Project.Name, crypter: null);
            if (editor.Remove(context.Get(key)!, context.Get(path)))
            {
                await settings.SaveAsync(workspace.SettingsPath(stack), context.CancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The stack's config as shown in <c>preview --json</c>: full keys, secrets as <c>[secret]</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DisplayConfig(StackSettingsFile settings, string projectName, ISecretsCrypter? crypter)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var editor = new StackConfigEditor(settings, projectName, crypter);
        return editor.List(decrypt: false).Select(entry => new KeyValuePair<string, string>(entry.Key.FullKey, entry.Text ?? "[secret]")).ToList();
    }
}
