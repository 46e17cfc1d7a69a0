namespace Infra.Engine.Tests.Cli.Commands;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task RunAsync_Help_ListsEveryCommand()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("--help");

        // Assert
        Assert.Equal(0, code);
        foreach (var command in new[] { "stack", "config", "preview", "up", "destroy", "refresh", "graph", "cancel" })
        {
            Assert.Contains($"  {command}", host.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_ReturnsUsageErrorNamingIt()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("bogus");

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("error: Unrecognized command or argument 'bogus'.\n", host.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'infra --help' for usage.\n", host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownFlag_PointsToTheCommandsHelp()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("up", "--bogus");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: Unrecognized command or argument '--bogus'.\nRun 'infra up --help' for usage.\n", host.StdErr);
    }

    [Fact]
    public async Task RunAsync_ParallelNotANumber_ReturnsUsageErrorNamingFlagAndValue()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("preview", "--parallel", "many");

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("many", host.StdErr, StringComparison.Ordinal);
        Assert.Contains("--parallel", host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ParallelZero_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("preview", "-p", "0");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --parallel: must be at least 1 (was 0)\n", host.StdErr);
    }

    [Fact]
    public async Task RunAsync_TargetNotAnUrn_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("preview", "--target", "web");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --target: must be a resource URN (urn:pulumi:<stack>::<project>::<type>::<name>) (was 'web')\n", host.StdErr);
    }

    [Fact]
    public async Task RunAsync_GraphUnknownFormat_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("graph", "--format", "svg");

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("'svg'", host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingCwd_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("stack", "ls", "--cwd", "nope");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --cwd: the directory does not exist (was 'nope')\n", host.StdErr);
    }

    [Fact]
    public async Task RunAsync_NoProjectFile_FailsWithClearMessage()
    {
        // Arrange
        using var host = new CliTestHost();
        File.Delete(Path.Combine(host.Root, "Pulumi.yaml"));

        // Act
        var code = await host.RunAsync("stack", "ls");

        // Assert
        Assert.Equal(1, code);
        Assert.StartsWith($"error: no Pulumi.yaml project file found in '{host.Root}' or any parent folder", host.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RemoteBackendUrl_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        host.Environment["PULUMI_BACKEND_URL"] = "https://api.example.invalid";

        // Act
        var code = await host.RunAsync("stack", "ls");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: PULUMI_BACKEND_URL: only local backends (file://<path>) are supported by infra (was 'https://api.example.invalid')\n", host.StdErr);
    }
}
