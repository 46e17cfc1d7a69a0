using Spectre.Console;

namespace Infra.Cli.Hosting;

/// <summary>An interactive terminal: where live progress is drawn and where the user answers prompts.</summary>
internal interface ITerminal
{
    /// <summary>The console the live progress table is drawn on.</summary>
    IAnsiConsole Console { get; }

    /// <summary>Asks for a value without echoing it (passphrases, secret config values).</summary>
    string ReadSecret(string prompt);

    /// <summary>Asks for a line of text.</summary>
    string ReadLine(string prompt);

    /// <summary>Asks the user to pick one of <paramref name="choices"/>; returns the choice.</summary>
    string Choose(string question, IReadOnlyList<string> choices);
}
