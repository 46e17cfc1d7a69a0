namespace Infra.Engine.Tests.Cli.Commands;

public sealed class ConfigCommandsTests
{
    private static string SettingsText(CliTestHost host) => File.ReadAllText(Path.Combine(host.Root, "Pulumi.dev.yaml"));

    [Fact]
    public async Task SetGet_PlainValue_RoundTripsUnderProjectNamespace()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var setCode = await host.RunAsync("config", "set", "name", "web");
        var getCode = await host.RunAsync("config", "get", "name");

        // Assert
        Assert.Equal(0, setCode);
        Assert.Equal(0, getCode);
        Assert.Equal("web\n", host.StdOut);
        Assert.Equal("config:\n  demo:name: web\n", SettingsText(host));
    }

    [Fact]
    public async Task SetGet_PathValue_StoresStructuredValue()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        Assert.Equal(0, await host.RunAsync("config", "set", "--path", "db.port", "5432"));
        Assert.Equal(0, await host.RunAsync("config", "set", "--path", "db.hosts[0]", "a"));
        var getCode = await host.RunAsync("config", "get", "--path", "db.port");

        // Assert
        Assert.Equal(0, getCode);
        Assert.Equal("5432\n", host.StdOut);
        Assert.Equal(0, await host.RunAsync("config"));
        Assert.Equal("KEY  VALUE\ndb   {\"hosts\":[\"a\"],\"port\":5432}\n", host.StdOut);
    }

    [Fact]
    public async Task Set_ValueFromStandardInput_IsStored()
    {
        // Arrange
        using var host = new CliTestHost { Input = "from-stdin\n" };
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("config", "set", "kubernetes:context");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("config:\n  kubernetes:context: from-stdin\n", SettingsText(host));
    }

    [Fact]
    public async Task Set_NoValueAnywhere_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("config", "set", "name");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: config set: a value for 'name' is required (pass it as the second argument or on standard input)\n", host.StdErr);
    }

    [Fact]
    public async Task Set_MalformedKey_ReturnsUsageErrorNamingKey()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("config", "set", "a:b:c", "x");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: configuration keys should be of the form `<namespace>:<name>` (was 'a:b:c')\n", host.StdErr);
    }

    [Fact]
    public async Task Set_SecretAndPlaintext_ReturnsUsageError()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");

        // Act
        var code = await host.RunAsync("config", "set", "--secret", "--plaintext", "pw", "x");

        // Assert
        Assert.Equal(2, code);
        Assert.Equal("error: --secret and --plaintext cannot be used together\n", host.StdErr);
    }

    [Fact]
    public async Task Secret_SetListGet_EncryptsMasksAndDecrypts()
    {
        // Arrange
        using var host = new CliTestHost();
        Assert.Equal(0, await host.RunAsync("stack", "init", "dev"));
        Assert.Equal(0, await host.RunAsync("config", "set", "name", "web"));

        // Act
        var setCode = await host.RunAsync("config", "set", "--secret", "password", "hunter2");
        var listCode = await host.RunAsync("config");
        var listed = host.StdOut;
        var getCode = await host.RunAsync("config", "get", "password");

        // Assert
        Assert.Equal(0, setCode);
        Assert.Equal(0, listCode);
        Assert.Equal(0, getCode);
        Assert.Contains("  demo:password:\n    secure: v1:", SettingsText(host), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", SettingsText(host), StringComparison.Ordinal);
        Assert.Equal("KEY       VALUE\nname      web\npassword  [secret]\n", listed);
        Assert.Equal("hunter2\n", host.StdOut);
    }

    [Fact]
    public async Task Secret_ListWithShowSecrets_RevealsValue()
    {
        // Arrange
        using var host = new CliTestHost();
        Assert.Equal(0, await host.RunAsync("stack", "init", "dev"));
        Assert.Equal(0, await host.RunAsync("config", "set", "--secret", "--path", "db.password", "hunter2"));

        // Act
        var code = await host.RunAsync("config", "--show-secrets");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal("KEY  VALUE\ndb   {\"password\":\"hunter2\"}\n", host.StdOut);
    }

    [Fact]
    public async Task Rm_ExistingKey_RemovesItAndGetThenFails()
    {
        // Arrange
        using var host = new CliTestHost();
        await host.CreatePlainStackAsync("dev");
        Assert.Equal(0, await host.RunAsync("config", "set", "name", "web"));
        Assert.Equal(0, await host.RunAsync("config", "set", "--path", "db.port", "1"));
        Assert.Equal(0, await host.RunAsync("config", "set", "--path", "db.user", "u"));

        // Act
        var rmCode = await host.RunAsync("config", "rm", "name");
        var rmPathCode = await host.RunAsync("config", "rm", "--path", "db.port");
        var getCode = await host.RunAsync("config", "get", "name");

        // Assert
        Assert.Equal(0, rmCode);
        Assert.Equal(0, rmPathCode);
        Assert.Equal(2, getCode);
        Assert.Equal("error: configuration key 'name' not found for stack 'dev'\n", host.StdErr);
        Assert.Equal("config:\n  demo:db:\n    user: u\n", SettingsText(host));
    }
}
