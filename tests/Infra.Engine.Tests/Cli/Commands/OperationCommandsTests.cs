using System.Collections.Immutable;
using Infra.Engine.Deployments;
using Infra.Engine.Planning;

namespace Infra.Engine.Tests.Cli.Commands;

public sealed class OperationCommandsTests
{
    private const string WebUrn = "urn:pulumi:dev::demo::test:index:Resource::web";

    [Fact]
    public async Task Preview_Flags_ReachTheEngineRequestAndRenderPlainOutput()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("preview", "-p", "3", "-t", WebUrn, "--target", TestStates.DiskUrn, "--refresh");

        // Assert
        Assert.Equal(0, code);
        var request = Assert.Single(host.Engine.Requests);
        Assert.Equal(OperationKind.Preview, request.Kind);
        Assert.Equal(3, request.Parallel);
        Assert.Equal([WebUrn, TestStates.DiskUrn], request.Targets);
        Assert.True(request.RefreshFirst);
        Assert.Null(request.Crypter);
        Assert.Equal(CliTestHost.Stack("dev"), request.Stack);
        Assert.Equal("demo", request.Project.Name);
        Assert.Contains("test", request.BuiltInProviders.Keys);
        Assert.Equal(
            """
            Previewing update (dev):

             +  pulumi:pulumi:Stack demo-dev create
             +  test:index:Resource web create

            Resources:
                + 2 to create


            """.ReplaceLineEndings("\n"),
            host.StdOut);
    }

    [Fact]
    public async Task Preview_DefaultParallel_IsFourTimesProcessorCount()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("preview");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(8, Assert.Single(host.Engine.Requests).Parallel);
    }

    [Fact]
    public async Task Preview_PassphraseStack_PassesOneCrypter()
    {
        // Arrange
        using var host = new CliTestHost();
        Assert.Equal(0, await host.RunAsync("stack", "init", "dev"));

        // Act
        var code = await host.RunAsync("preview");

        // Assert
        Assert.Equal(0, code);
        Assert.NotNull(Assert.Single(host.Engine.Requests).Crypter);
    }

    [Fact]
    public async Task Preview_Json_PrintsDigestWithConfig()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        Assert.Equal(0, await host.RunAsync("config", "set", "name", "web"));

        // Act
        var code = await host.RunAsync("preview", "--json");

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith("{\n    \"config\": {\n        \"demo:name\": \"web\"\n    },\n    \"steps\": [\n", host.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("    \"duration\": 1500000000,\n    \"changeSummary\": {\n        \"create\": 2\n    }\n}\n", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_EngineReportsFailure_ExitsOneWithFailures()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        host.Engine.Script = request => ([], new OperationResult
        {
            Kind = request.Kind,
            Succeeded = false,
            Counts = ImmutableSortedDictionary<StepKind, int>.Empty,
            Failures = [$"{WebUrn}: boom"],
            Duration = TimeSpan.Zero,
        });

        // Act
        var code = await host.RunAsync("preview");

        // Assert
        Assert.Equal(1, code);
        Assert.Equal($"error: the preview failed\n  {WebUrn}: boom\n", host.StdErr);
    }

    [Fact]
    public async Task Up_WithoutYesOrTerminal_RefusesBeforeRunningAnything()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --yes or --skip-preview must be passed in to proceed when running in non-interactive mode\n", host.StdErr);
        Assert.Empty(host.Engine.Requests);
    }

    [Fact]
    public async Task Up_TerminalButCi_RefusesWithoutYes()
    {
        // Arrange
        using var host = new CliTestHost { Terminal = new FakeTerminal() };
        host.Environment["CI"] = "true";
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("destroy");

        // Assert
        Assert.Equal(2, code);
        Assert.Empty(host.Terminal.Prompts);
    }

    [Fact]
    public async Task Up_JsonWithoutYes_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost { Terminal = new FakeTerminal() };
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up", "--json");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --yes or --skip-preview must be passed in to proceed when running with --json\n", host.StdErr);
    }

    [Fact]
    public async Task Up_Yes_PreviewsThenUpdates()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up", "--yes");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal([OperationKind.Preview, OperationKind.Update], host.Engine.Requests.Select(r => r.Kind));
        Assert.Contains("Previewing update (dev):\n", host.StdOut, StringComparison.Ordinal);
        Assert.Contains("Updating (dev):\n\n +  pulumi:pulumi:Stack demo-dev created\n", host.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("Resources:\n    + 2 created\n\nDuration: 2s\n\n", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_SkipPreview_OnlyUpdates()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up", "--skip-preview");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal([OperationKind.Update], host.Engine.Requests.Select(r => r.Kind));
        Assert.DoesNotContain("Previewing", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_JsonYes_StreamsEventsOnly()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up", "--json", "--yes");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal([OperationKind.Update], host.Engine.Requests.Select(r => r.Kind));
        var lines = host.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("{\"type\":", line, StringComparison.Ordinal));
        Assert.StartsWith("{\"type\":\"summary\",\"operation\":\"update\",\"result\":\"succeeded\"", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_TerminalDeclines_DoesNotUpdate()
    {
        // Arrange
        using var host = new CliTestHost { Terminal = new FakeTerminal("no") };
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up");

        // Assert
        Assert.Equal(1, code);
        Assert.Equal("error: confirmation declined, not proceeding with the update\n", host.StdErr);
        Assert.Equal([OperationKind.Preview], host.Engine.Requests.Select(r => r.Kind));
        Assert.Equal(["Do you want to perform this update?"], host.Terminal.Prompts);
        Assert.Contains("Previewing update (dev):", host.Terminal.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_TerminalDetailsThenYes_ShowsDiffAndUpdates()
    {
        // Arrange
        using var host = new CliTestHost { Terminal = new FakeTerminal("details", "yes") };
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("up");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal([OperationKind.Preview, OperationKind.Update], host.Engine.Requests.Select(r => r.Kind));
        Assert.Contains("+ pulumi:pulumi:Stack: (create)\n", host.StdOut, StringComparison.Ordinal);
        Assert.Contains($"    + test:index:Resource: (create)\n        [urn={WebUrn}]\n", host.StdOut, StringComparison.Ordinal);
        Assert.Contains("Updating (dev):", host.Terminal.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_Yes_ShowsPreviewFromStateThenDestroys()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));

        // Act
        var code = await host.RunAsync("destroy", "--yes");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal([OperationKind.Destroy], host.Engine.Requests.Select(r => r.Kind));
        Assert.StartsWith(
            """
            Previewing destroy (dev):

             -  test:index:Resource attach delete
             -  test:index:Resource disk delete
             -  test:index:Resource web-dns delete
             -  test:index:Resource web-server delete
             -  infra:components:Web web delete
             -  pulumi:pulumi:Stack demo-dev delete

            Resources:
                - 6 to delete

            Destroying (dev):

            """.ReplaceLineEndings("\n"),
            host.StdOut,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_TargetWithYes_PreviewsTargetAndDependents()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));

        // Act
        var code = await host.RunAsync("destroy", "--yes", "--target", TestStates.ServerUrn);

        // Assert
        Assert.Equal(0, code);
        Assert.Contains(" -  test:index:Resource attach delete\n -  test:index:Resource web-dns delete\n -  test:index:Resource web-server delete\n\nResources:\n    - 3 to delete\n", host.StdOut, StringComparison.Ordinal);
        Assert.Equal([TestStates.ServerUrn], Assert.Single(host.Engine.Requests).Targets);
    }

    [Fact]
    public async Task Refresh_Yes_RunsRefreshOnly()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));

        // Act
        var code = await host.RunAsync("refresh", "--yes");

        // Assert
        Assert.Equal(0, code);
        var request = Assert.Single(host.Engine.Requests);
        Assert.Equal(OperationKind.Refresh, request.Kind);
        Assert.False(request.RefreshFirst);
        Assert.StartsWith(
            "Refreshing reads the live state of 6 resource(s) of stack 'dev'.\nNo resources will be modified as part of this refresh; just your stack's state will be.\nRefreshing (dev):\n",
            host.StdOut,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_StackFlag_SelectsThatStack()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        await host.CreatePlainStackAsync("prod");

        // Act
        var code = await host.RunAsync("up", "--skip-preview", "--stack", "prod");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(CliTestHost.Stack("prod"), Assert.Single(host.Engine.Requests).Stack);
    }
}
