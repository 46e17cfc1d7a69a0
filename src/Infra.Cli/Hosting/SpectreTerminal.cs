using Spectre.Console;

namespace Infra.Cli.Hosting;

/// <summary>The real terminal, through Spectre.Console prompts (secrets are read without echo).</summary>
internal sealed class SpectreTerminal : ITerminal
{
    public SpectreTerminal(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        Console = console;
    }

    public IAnsiConsole Console { get; }

    public string ReadSecret(string prompt) =>
        Console.Prompt(new TextPrompt<string>(Markup.Escape(prompt)).Secret().AllowEmpty());

    public string ReadLine(string prompt) =>
        Console.Prompt(new TextPrompt<string>(Markup.Escape(prompt)).AllowEmpty());

    public string Choose(string question, IReadOnlyList<string> choices) =>
        Console.Prompt(new SelectionPrompt<string>().Title(Markup.Escape(question)).AddChoices(choices));
}
