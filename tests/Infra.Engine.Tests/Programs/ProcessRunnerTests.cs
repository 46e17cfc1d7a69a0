using System.Collections.Concurrent;
using Infra.Engine.Programs;

namespace Infra.Engine.Tests.Programs;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task RunAsync_Script_StreamsBothStreamsWithEnvironmentAndReturnsExitCode()
    {
        // Arrange
        Assert.SkipUnless(File.Exists("/bin/sh"), "needs /bin/sh");
        var lines = new ConcurrentQueue<(string Line, bool IsError)>();

        // Act
        var code = await ProcessRunner.RunAsync(
            "/bin/sh",
            ["-c", "echo \"out $GREETING\"; echo err >&2; exit 3"],
            Path.GetTempPath(),
            new Dictionary<string, string> { ["GREETING"] = "hello" },
            (line, isError) =>
            {
                lines.Enqueue((line, isError));
                return ValueTask.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(3, code);
        Assert.Equal([("err", true), ("out hello", false)], lines.OrderBy(l => l.Line, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcessTreeAndThrows()
    {
        // Arrange
        Assert.SkipUnless(File.Exists("/bin/sh"), "needs /bin/sh");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        // Act
        var run = ProcessRunner.RunAsync(
            "/bin/sh",
            ["-c", "echo started; sleep 600"],
            Path.GetTempPath(),
            new Dictionary<string, string>(),
            async (line, _) =>
            {
                if (line == "started")
                {
                    await cancel.CancelAsync();
                }
            },
            cancel.Token);

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ThrowsNamingIt()
    {
        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProcessRunner.RunAsync(
            "/no/such/program",
            [],
            Path.GetTempPath(),
            new Dictionary<string, string>(),
            (_, _) => ValueTask.CompletedTask,
            TestContext.Current.CancellationToken));

        // Assert
        Assert.StartsWith($"Could not start '/no/such/program' in '{Path.GetTempPath()}': ", error.Message, StringComparison.Ordinal);
    }
}
