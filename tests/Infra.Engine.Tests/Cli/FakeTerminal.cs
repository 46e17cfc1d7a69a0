using Infra.Cli.Hosting;
using Spectre.Console;

namespace Infra.Engine.Tests.Cli;

/// <summary>A terminal whose answers are scripted and whose prompts are recorded.</summary>
internal sealed class FakeTerminal : ITerminal
{
    private readonly Queue<string> _answers;

    public FakeTerminal(params string[] answers)
    {
        _answers = new Queue<string>(answers);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Output),
        });
    }

    public StringWriter Output { get; } = new() { NewLine = "\n" };

    public List<string> Prompts { get; } = [];

    public IAnsiConsole Console { get; }

    public string ReadSecret(string prompt) => Answer(prompt);

    public string ReadLine(string prompt) => Answer(prompt);

    public string Choose(string question, IReadOnlyList<string> choices) => Answer(question);

    private string Answer(string prompt)
    {
        Prompts.Add(prompt);
        return _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException($"unexpected prompt: {prompt}");
    }
}
