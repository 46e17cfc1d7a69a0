using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Cli.Commands;

public sealed class StackCommandsTests
{
    [Fact]
    public async Task Init_NewStack_CreatesStateAndSaltAndSelectsIt()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("stack", "init", "dev");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("Created stack 'dev'\n", host.StdOut);
        var settings = await StackSettingsFile.LoadAsync(Path.Combine(host.Root, "Pulumi.dev.yaml"), TestContext.Current.CancellationToken);
        Assert.StartsWith("v1:", settings.EncryptionSalt, StringComparison.Ordinal);
        var snapshot = await host.Backend.LoadAsync(CliTestHost.Stack("dev"), crypter: null, TestContext.Current.CancellationToken);
        Assert.Equal(settings.EncryptionSalt, snapshot!.SecretsProvider!.PassphraseSalt);
        Assert.Equal("{\"stack\":\"dev\"}\n", File.ReadAllText(Path.Combine(host.Root, ".pulumi", "workspace.json")));
        Assert.DoesNotContain(CliTestHost.Passphrase, host.StdOut + host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_ExistingStack_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "init", "dev");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: stack 'dev' already exists\n", host.StdErr);
    }

    [Fact]
    public async Task Init_NoNameWithoutTerminal_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("stack", "init");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: stack init: a stack name is required (pass it as the argument or with --stack)\n", host.StdErr);
    }

    [Fact]
    public async Task Init_InvalidName_ReturnsUsageErrorNamingTheRule()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("stack", "init", "my stack");

        // Assert
        Assert.Equal(2, code);
        Assert.StartsWith("error: stack name: Stack name 'my stack' is invalid", host.StdErr, StringComparison.Ordinal);
        Assert.Contains("(was 'my stack')", host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_NoPassphraseWithoutTerminal_FailsWithPulumiMessage()
    {
        // Arrange
        using var host = new CliTestHost(withPassphrase: false);

        // Act
        var code = await host.RunAsync("stack", "init", "dev");

        // Assert
        Assert.Equal(1, code);
        Assert.Equal("error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables\n", host.StdErr);
        Assert.False(File.Exists(Path.Combine(host.Root, "Pulumi.dev.yaml")));
    }

    [Fact]
    public async Task Init_MismatchedPassphrasesAtTerminal_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost(withPassphrase: false) { Terminal = new FakeTerminal("first-secret", "second-secret") };

        // Act
        var code = await host.RunAsync("stack", "init", "dev");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: passphrase: the two passphrases you entered do not match\n", host.StdErr);
        Assert.Equal(["Enter your passphrase to protect config/secrets:", "Re-enter your passphrase to confirm:"], host.Terminal.Prompts);
        Assert.DoesNotContain("secret", host.StdOut + host.Terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ls_TwoStacks_MarksTheSelectedOne()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        await host.CreatePlainStackAsync("prod", TestStates.Snapshot(withSecretOutput: false));
        Assert.Equal(0, await host.RunAsync("stack", "select", "prod"));

        // Act
        var code = await host.RunAsync("stack", "ls");

        // Assert
        Assert.Equal(0, code);
        var lines = host.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^NAME +LAST UPDATE +RESOURCE COUNT$", lines[0]);
        Assert.Matches(@"^dev +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC +0$", lines[1]);
        Assert.Matches(@"^prod\* +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC +7$", lines[2]);
    }

    [Fact]
    public async Task Select_UnknownStack_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "select", "prod");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: no stack named 'prod' found in project 'demo' (pass --create to create it)\n", host.StdErr);
    }

    [Fact]
    public async Task Select_UnknownStackWithCreate_CreatesAndSelectsIt()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "select", "prod", "--create");
        var selectAgain = await host.RunAsync("stack", "select", "prod", "-c");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(0, selectAgain);
        Assert.True(await host.Backend.StackExistsAsync(CliTestHost.Stack("prod"), TestContext.Current.CancellationToken));
        Assert.Equal(0, await host.RunAsync("stack", "ls"));
        Assert.Contains("prod*", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveStack_SeveralStacksNoneSelected_ReturnsUsageErrorListingThem()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        await host.CreatePlainStackAsync("prod");

        // Act
        var code = await host.RunAsync("config");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: no stack selected; pass --stack or run `infra stack select <name>` (stacks: dev, prod)\n", host.StdErr);
    }

    [Fact]
    public async Task ResolveStack_NoStacks_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();

        // Act
        var code = await host.RunAsync("stack", "output");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: no stack selected and the project has no stacks; create one with `infra stack init <name>`\n", host.StdErr);
    }

    [Fact]
    public async Task ResolveStack_StackFlagNamesMissingStack_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "output", "-s", "qa");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --stack: no stack named 'qa' found in project 'demo'; create it with `infra stack init qa`\n", host.StdErr);
    }

    [Fact]
    public async Task ResolveStack_StackFlagOfAnotherProject_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "output", "--stack", "organization/other/dev");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --stack: the stack belongs to project 'other', but the current project is 'demo' (was 'organization/other/dev')\n", host.StdErr);
    }

    [Fact]
    public async Task ResolveStack_CwdInSubfolder_FindsProjectUpwards()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        Directory.CreateDirectory(Path.Combine(host.Root, "src", "app"));

        // Act
        var code = await host.RunAsync("stack", "ls", "-C", "src/app");

        // Assert
        Assert.Equal(0, code);
        Assert.Contains("\ndev ", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rm_WithoutYesAndWithoutTerminal_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "rm", "dev");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --yes must be passed in to proceed when running in non-interactive mode (stack rm)\n", host.StdErr);
        Assert.True(await host.Backend.StackExistsAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rm_WithYes_RemovesStateConfigAndSelection()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        Assert.Equal(0, await host.RunAsync("stack", "select", "dev"));
        Assert.Equal(0, await host.RunAsync("config", "set", "name", "web"));

        // Act
        var code = await host.RunAsync("stack", "rm", "--yes");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("Stack 'dev' has been removed!\n", host.StdOut);
        Assert.False(await host.Backend.StackExistsAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(host.Root, "Pulumi.dev.yaml")));
        Assert.False(File.Exists(Path.Combine(host.Root, ".pulumi", "workspace.json")));
    }

    [Fact]
    public async Task Rm_ConfirmedAtTerminal_RemovesStack()
    {
        // Arrange
        using var host = new CliTestHost { Terminal = new FakeTerminal("yes") };
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "rm", "dev");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(["This will permanently remove the 'dev' stack! Continue?"], host.Terminal.Prompts);
        Assert.False(await host.Backend.StackExistsAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rm_StackWithResourcesWithoutForce_Fails()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));

        // Act
        var code = await host.RunAsync("stack", "rm", "dev", "--yes");

        // Assert
        Assert.Equal(1, code);
        Assert.StartsWith("error: stack 'organization/demo/dev' still has 7 resource(s); removal rejected.", host.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, await host.RunAsync("stack", "rm", "dev", "--yes", "--force"));
    }

    [Fact]
    public async Task BackendUrl_FileUrl_StoresStateThere()
    {
        // Arrange
        using var host = new CliTestHost();
        var elsewhere = Path.Combine(host.Root, "state-store");
        host.Environment["PULUMI_BACKEND_URL"] = "file://" + elsewhere;

        // Act
        var code = await host.RunAsync("stack", "init", "dev");

        // Assert
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(elsewhere, ".pulumi", "stacks", "demo", "dev.json")));
        Assert.False(Directory.Exists(Path.Combine(host.Root, ".pulumi", "stacks")));
    }
}
