using Infra.Cli.Rendering;
using Spectre.Console;

namespace Infra.Engine.Tests.Cli.Rendering;

public sealed class LiveProgressRendererTests
{
    [Fact]
    public async Task OnEventAsync_Preview_EndsWithTableAndSummary()
    {
        // Arrange
        var output = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var renderer = new LiveProgressRenderer(console, new RenderOptions());

        // Act
        await using (renderer)
        {
            foreach (var operationEvent in RenderingEvents.Preview())
            {
                await renderer.OnEventAsync(operationEvent, TestContext.Current.CancellationToken);
            }
        }

        // Assert
        var text = output.ToString();
        Assert.StartsWith("Previewing update (dev):\n", text, StringComparison.Ordinal);
        Assert.Contains(" ~   ├─ test:index:Resource  db        update  [diff: ~size,token]", text, StringComparison.Ordinal);
        Assert.Contains("Resources:\n    + 2 to create\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
    }
}
