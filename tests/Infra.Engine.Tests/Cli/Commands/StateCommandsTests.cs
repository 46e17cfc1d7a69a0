using Infra.Engine.Secrets;
using Infra.Engine.State;

namespace Infra.Engine.Tests.Cli.Commands;

public sealed class StateCommandsTests
{
    /// <summary>Creates stack 'dev' through the CLI (passphrase provider) and saves the test state with secrets.</summary>
    private static async Task<CliTestHost> HostWithSecretStateAsync()
    {
        var host = new CliTestHost();
        Assert.Equal(0, await host.RunAsync("stack", "init", "dev"));
        var backend = host.Backend;
        var stack = CliTestHost.Stack("dev");
        var current = await backend.LoadAsync(stack, crypter: null, TestContext.Current.CancellationToken);
        var crypter = PassphraseSecretsCrypter.FromEncryptionSalt(CliTestHost.Passphrase, current!.SecretsProvider!.PassphraseSalt!);
        await using (await backend.AcquireLockAsync(stack, TestContext.Current.CancellationToken))
        {
            await backend.SaveAsync(stack, TestStates.Snapshot(withSecretOutput: true, current.SecretsProvider), crypter, TestContext.Current.CancellationToken);
        }

        return host;
    }

    [Fact]
    public async Task Output_SecretsWithoutPassphrase_AreMasked()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();
        host.Environment.Remove("PULUMI_CONFIG_PASSPHRASE");

        // Act
        var code = await host.RunAsync("stack", "output");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(
            "Current stack outputs (3):\n    OUTPUT    VALUE\n    count     3\n    password  [secret]\n    url       http://web\n",
            host.StdOut);
    }

    [Fact]
    public async Task Output_ShowSecretsJson_RevealsValues()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();

        // Act
        var code = await host.RunAsync("stack", "output", "--show-secrets", "--json");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("{\n  \"count\": 3,\n  \"password\": \"hunter2\",\n  \"url\": \"http://web\"\n}\n", host.StdOut);
    }

    [Fact]
    public async Task Output_SingleName_PrintsValueOrMask()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();

        // Act
        var urlCode = await host.RunAsync("stack", "output", "url");
        var url = host.StdOut;
        var passwordCode = await host.RunAsync("stack", "output", "password");

        // Assert
        Assert.Equal(0, urlCode);
        Assert.Equal(0, passwordCode);
        Assert.Equal("http://web\n", url);
        Assert.Equal("[secret]\n", host.StdOut);
    }

    [Fact]
    public async Task Output_Shell_PrintsQuotedExportsWithSecretsMasked()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();

        // Act
        var code = await host.RunAsync("stack", "output", "--shell");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("export count='3'\nexport password='[secret]'\nexport url='http://web'\n", host.StdOut);
    }

    [Fact]
    public async Task Output_ShellShowSecretsOneName_PrintsThatExportOnly()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();

        // Act
        var code = await host.RunAsync("stack", "output", "password", "--shell", "--show-secrets");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("export password='hunter2'\n", host.StdOut);
    }

    [Fact]
    public void FormatShell_QuotesAndNames_AreSafeForPosixShells()
    {
        // Arrange
        var outputs = new Dictionary<string, Infra.Protocol.Values.PropertyValue>
        {
            ["it's"] = Infra.Protocol.Values.PropertyValue.Create("a 'quoted' $HOME"),
            ["9lives"] = Infra.Protocol.Values.PropertyValue.CreateArray([Infra.Protocol.Values.PropertyValue.Create(1)]),
        };

        // Act
        var text = Infra.Cli.Rendering.StackOutputFormatter.FormatShell(outputs, null, showSecrets: false);

        // Assert
        Assert.Equal("export _9lives='[1]'\nexport it_s='a '\\''quoted'\\'' $HOME'\n", text);
    }

    [Fact]
    public async Task Output_JsonAndShell_ReturnsUsageError()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();

        // Act
        var code = await host.RunAsync("stack", "output", "--shell", "--json");

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("--json and --shell cannot be used together", host.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_UnknownName_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));

        // Act
        var code = await host.RunAsync("stack", "output", "nope");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: current stack does not have output property 'nope'\n", host.StdErr);
    }

    [Fact]
    public async Task ExportImport_FileRoundTrip_KeepsResourcesAndCiphertexts()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();
        Assert.Equal(0, await host.RunAsync("stack", "export", "--file", "dev.json"));
        var exported = File.ReadAllText(Path.Combine(host.Root, "dev.json"));
        Assert.Equal(0, await host.RunAsync("stack", "rm", "dev", "--yes", "--force", "--preserve-config"));
        var backend = host.Backend;
        var settings = await Engine.Projects.StackSettingsFile.LoadAsync(Path.Combine(host.Root, "Pulumi.dev.yaml"), TestContext.Current.CancellationToken);
        await backend.CreateStackAsync(CliTestHost.Stack("dev"), SecretsProviderState.Passphrase(settings.EncryptionSalt!), TestContext.Current.CancellationToken);

        // Act
        var code = await host.RunAsync("stack", "import", "--file", "dev.json", "--stack", "dev");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("Import complete.\n", host.StdOut);
        Assert.Contains("\"ciphertext\": \"v1:", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exported, StringComparison.Ordinal);
        Assert.Equal(0, await host.RunAsync("stack", "output", "password", "--show-secrets"));
        Assert.Equal("hunter2\n", host.StdOut);
    }

    [Fact]
    public async Task Export_ShowSecrets_WritesPlaintextToStandardOutput()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();

        // Act
        var code = await host.RunAsync("stack", "export", "--show-secrets");

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith("{\n    \"version\": 3,", host.StdOut, StringComparison.Ordinal);
        Assert.Contains("hunter2", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NothingGiven_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("stack", "import");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: stack import: no deployment given (pass --file or pipe the JSON to standard input)\n", host.StdErr);
    }

    [Fact]
    public async Task Import_FromStandardInputWithoutSecrets_ReplacesDeployment()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));
        await host.CreatePlainStackAsync("qa");
        Assert.Equal(0, await host.RunAsync("stack", "export", "-s", "dev"));
        host.Input = host.StdOut;

        // Act
        var code = await host.RunAsync("stack", "import", "-s", "qa");

        // Assert
        Assert.Equal(0, code);
        var snapshot = await host.Backend.LoadAsync(CliTestHost.Stack("qa"), crypter: null, TestContext.Current.CancellationToken);
        Assert.Equal(7, snapshot!.Resources.Length);
    }

    [Fact]
    public async Task Cancel_LockedStack_RemovesLocks()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        var other = new LocalBackend(host.Root);
        _ = await other.AcquireLockAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken);

        // Act
        var code = await host.RunAsync("cancel", "--yes");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("The currently running update for 'dev' has been canceled!\n", host.StdOut);
        Assert.Empty(await host.Backend.ListLocksAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancel_NotLocked_SaysSo()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("cancel");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("No update is in progress for stack 'dev'.\n", host.StdOut);
    }

    [Fact]
    public async Task Cancel_LockedWithoutYesOrTerminal_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        _ = await new LocalBackend(host.Root).AcquireLockAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken);

        // Act
        var code = await host.RunAsync("cancel");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --yes must be passed in to proceed when running in non-interactive mode (cancel)\n", host.StdErr);
        Assert.Single(await host.Backend.ListLocksAsync(CliTestHost.Stack("dev"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Graph_DotFile_WritesGraphWithoutPassphrase()
    {
        // Arrange
        using var host = await HostWithSecretStateAsync();
        host.Environment.Remove("PULUMI_CONFIG_PASSPHRASE");

        // Act
        var code = await host.RunAsync("graph", "out.dot");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("Wrote stack dependency graph to `out.dot`\n", host.StdOut);
        var text = File.ReadAllText(Path.Combine(host.Root, "out.dot"));
        Assert.StartsWith("strict digraph {\n", text, StringComparison.Ordinal);
        Assert.Contains($"[label=\"{TestStates.ServerUrn}\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_Default_PrintsMermaid()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev", TestStates.Snapshot(withSecretOutput: false));

        // Act
        var code = await host.RunAsync("graph");

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith("flowchart TD\n    subgraph r2 [\"web<br/>infra:components:Web\"]\n", host.StdOut, StringComparison.Ordinal);
    }
}
