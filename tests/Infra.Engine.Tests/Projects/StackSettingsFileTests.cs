using Infra.Engine.Projects;
using Infra.Engine.Tests.Secrets;

namespace Infra.Engine.Tests.Projects;

public sealed class StackSettingsFileTests
{
    // The shape the Pulumi CLI writes (tests/roundtrip/roundtrip_test.go, project `foo`, stack `test`).
    private const string CliStackFile = """
        # Stack settings for the roundtrip test
        encryptionsalt: v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==
        config:
          # a plain value
          foo:a: some value
          foo:b: "8080"
          foo:c: true
          foo:d:
            secure: v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==
        """;

    [Fact]
    public void Parse_CliShapedFile_ReadsEveryValueAndDecryptsSecret()
    {
        // Arrange
        var file = StackSettingsFile.Parse(CliStackFile, "Pulumi.test.yaml");

        // Act
        var crypter = file.OpenPassphraseCrypter("TestConfigRoundtripComments");
        var editor = new StackConfigEditor(file, "foo", crypter);

        // Assert
        Assert.Equal(TestCrypters.RoundtripSalt, file.EncryptionSalt);
        Assert.Null(file.SecretsProvider);
        Assert.Equal(["foo:a", "foo:b", "foo:c", "foo:d"], file.Config.Select(entry => entry.Key.FullKey));
        Assert.Equal(ConfigValueKind.String, file.Config[1].Value.Kind);
        Assert.Equal(ConfigValueKind.Boolean, file.Config[2].Value.Kind);
        Assert.Equal(ConfigValueKind.Secure, file.Config[3].Value.Kind);
        Assert.Equal("secret-value", editor.Get("d", decrypt: true)?.Text);
        Assert.Equal("some value", editor.Get("foo:a")?.Text);
    }

    [Fact]
    public void ToYaml_CliShapedFile_WritesSameContentWithoutComments()
    {
        // Arrange
        var file = StackSettingsFile.Parse(CliStackFile);

        // Act
        var yaml = file.ToYaml();

        // Assert
        Assert.Equal(
            """
            encryptionsalt: v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==
            config:
              foo:a: some value
              foo:b: "8080"
              foo:c: true
              foo:d:
                secure: v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==

            """.ReplaceLineEndings("\n"),
            yaml.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToYaml_FieldsInAnyOrder_WritesCliOrderThenUnknownFields()
    {
        // Arrange
        const string yaml = """
            custom: kept
            environment:
              - homelab/dev
            config:
              homelab:x: "1"
            encryptionsalt: salt
            encryptedkey: key
            secretsprovider: awskms://alias/x
            another:
              nested: [1, 2]
            """;
        var file = StackSettingsFile.Parse(yaml);

        // Act
        var written = file.ToYaml();

        // Assert
        Assert.True(file.HasEnvironment);
        Assert.Equal(["custom", "another"], file.ExtraFieldNames);
        Assert.Equal(
            """
            secretsprovider: awskms://alias/x
            encryptedkey: key
            encryptionsalt: salt
            config:
              homelab:x: "1"
            environment:
            - homelab/dev
            custom: kept
            another:
              nested: [1, 2]

            """.ReplaceLineEndings("\n"),
            written.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToYaml_ValuesBuiltInCode_QuotesStringsThatLookTyped()
    {
        // Arrange
        var file = new StackSettingsFile { EncryptionSalt = TestCrypters.PasswordSalt };
        file.SetValue(ConfigKey.Parse("app:port"), ConfigValue.String("8080"));
        file.SetValue(ConfigKey.Parse("app:typedPort"), ConfigValue.Integer(8080));
        file.SetValue(ConfigKey.Parse("app:flag"), ConfigValue.String("true"));
        file.SetValue(ConfigKey.Parse("app:yes"), ConfigValue.String("yes"));
        file.SetValue(ConfigKey.Parse("app:empty"), ConfigValue.String(string.Empty));
        file.SetValue(ConfigKey.Parse("app:none"), ConfigValue.Null);
        file.SetValue(ConfigKey.Parse("app:list"), ConfigValue.Array([ConfigValue.String("a"), ConfigValue.Secure("v1:n:c")]));
        file.SetValue(ConfigKey.Parse("app:emptyMap"), ConfigValue.Object([]));

        // Act
        var yaml = file.ToYaml();

        // Assert
        Assert.Equal(
            $"""
            encryptionsalt: {TestCrypters.PasswordSalt}
            config:
              app:port: "8080"
              app:typedPort: 8080
              app:flag: "true"
              app:yes: "yes"
              app:empty: ""
              app:none: null
              app:list:
              - a
              - secure: v1:n:c
              app:emptyMap: {"{}"}

            """.ReplaceLineEndings("\n"),
            yaml.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsEveryValueForm()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "Pulumi.dev.yaml");
        var crypter = TestCrypters.Password();
        var file = new StackSettingsFile { EncryptionSalt = crypter.EncryptionSalt };
        var editor = new StackConfigEditor(file, "homelab", crypter);
        editor.Set("name", "web");
        editor.Set("port", "8080");
        editor.Set("multiline", "line1\nline2\n");
        editor.Set("dbPassword", "s3cr3t", secret: true);
        editor.Set("db.host", "db.lan", path: true);
        editor.Set("db.port", "5432", path: true);
        editor.Set("db.password", "p@ss", secret: true, path: true);
        editor.Set("features[0]", "auth", path: true);
        editor.Set("features[1]", "logging", path: true);
        editor.SetValue("ratio", ConfigValue.Float(1.5));
        editor.Set("kubernetes:context", "admin@lab");

        // Act
        await file.SaveAsync(path, TestContext.Current.CancellationToken);
        var reread = await StackSettingsFile.LoadAsync(path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(file.EncryptionSalt, reread.EncryptionSalt);
        Assert.Equal(file.Config.Select(entry => entry.Key), reread.Config.Select(entry => entry.Key));
        Assert.Equal(file.Config.Select(entry => entry.Value), reread.Config.Select(entry => entry.Value));
        var rereadEditor = new StackConfigEditor(reread, "homelab", crypter);
        Assert.Equal("line1\nline2\n", rereadEditor.Get("multiline")?.Text);
        Assert.Equal("{\"host\":\"db.lan\",\"password\":\"p@ss\",\"port\":5432}", rereadEditor.Get("db", decrypt: true)?.Text);
        Assert.Equal(file.ToYaml(), reread.ToYaml());
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading and trailing ")]
    [InlineData("a: b")]
    [InlineData("#not a comment")]
    [InlineData("- dash")]
    [InlineData("[x]")]
    [InlineData("{y}")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("multi\nline")]
    [InlineData("multi\nline with trailing spaces  \n")]
    [InlineData("tab\there")]
    [InlineData("ünïcødé ✓")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("~")]
    [InlineData("Null")]
    [InlineData("on")]
    [InlineData("12:30")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%percent")]
    [InlineData("@at")]
    [InlineData("`backtick`")]
    [InlineData("\u0001control")]
    public void ToYaml_TrickyString_ReadsBackAsSameString(string text)
    {
        // Arrange
        var file = new StackSettingsFile();
        file.SetValue(ConfigKey.Parse("app:top"), ConfigValue.String(text));
        file.SetValue(ConfigKey.Parse("app:nested"), ConfigValue.Object([new(text, ConfigValue.Array([ConfigValue.String(text)]))]));

        // Act
        var reread = StackSettingsFile.Parse(file.ToYaml());

        // Assert
        Assert.Equal(ConfigValue.String(text), reread.GetValue(ConfigKey.Parse("app:top")));
        Assert.Equal(file.GetValue(ConfigKey.Parse("app:nested")), reread.GetValue(ConfigKey.Parse("app:nested")));
    }

    [Fact]
    public void Parse_InvalidFile_ListsEveryProblem()
    {
        // Arrange
        const string yaml = """
            encryptionsalt: [a]
            config:
              bare: 1
              a:b:c: 2
              aws:region: us-east-1
              aws:config:region: us-west-2
            """;

        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => StackSettingsFile.Parse(yaml, "Pulumi.dev.yaml"));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            $"Stack settings file 'Pulumi.dev.yaml' is invalid (4 problems):{nl}"
            + $"  - encryptionsalt: must be a string{nl}"
            + $"  - config.bare: configuration keys should be of the form `<namespace>:<name>` (was 'bare'){nl}"
            + $"  - config.a:b:c: configuration keys should be of the form `<namespace>:<name>` (was 'a:b:c'){nl}"
            + "  - config.aws:config:region: sets 'aws:region' a second time",
            exception.Message);
    }

    [Fact]
    public void Parse_ConfigNotMap_ReportsRule()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => StackSettingsFile.Parse("config: [1]\n", "Pulumi.dev.yaml"));

        // Assert
        Assert.Equal(
            "Stack settings file 'Pulumi.dev.yaml' is invalid (1 problem):" + Environment.NewLine
            + "  - config: must be a map of `<namespace>:<name>` keys to values",
            exception.Message);
    }

    [Fact]
    public void Parse_DuplicateYamlKey_ReportsInvalidYamlWithPosition()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => StackSettingsFile.Parse("config:\n  a:b: 1\n  a:b: 2\n", "Pulumi.dev.yaml"));

        // Assert
        var problem = Assert.Single(exception.Problems);
        Assert.Equal("line 3, column 3", problem.Key);
        Assert.Equal("the stack settings file is not valid YAML: Duplicate key a:b", problem.Rule);
    }

    [Fact]
    public void Parse_EmptyText_IsEmptyFileThatWritesNothing()
    {
        // Act
        var file = StackSettingsFile.Parse(string.Empty);

        // Assert
        Assert.Empty(file.Config);
        Assert.Null(file.EncryptionSalt);
        Assert.Equal(string.Empty, file.ToYaml());
    }

    [Fact]
    public void Parse_SecureKeyWithNonStringOrSiblings_IsPlainObject()
    {
        // Arrange
        const string yaml = "config:\n  a:x:\n    secure: 42\n  a:y:\n    secure: v1:a:b\n    other: 1\n";

        // Act
        var file = StackSettingsFile.Parse(yaml);

        // Assert
        Assert.Equal(ConfigValueKind.Object, file.Config[0].Value.Kind);
        Assert.Equal(ConfigValueKind.Object, file.Config[1].Value.Kind);
        Assert.False(file.Config[0].Value.ContainsSecret);
    }

    [Fact]
    public async Task LoadOrEmptyAsync_MissingFile_ReturnsEmptySettings()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var file = await StackSettingsFile.LoadOrEmptyAsync(Path.Combine(temp.Path, "Pulumi.dev.yaml"), TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(file.Config);
    }

    [Fact]
    public void OpenPassphraseCrypter_NoSalt_CreatesSaltAndClearsPassphraseProvider()
    {
        // Arrange
        var file = new StackSettingsFile { SecretsProvider = "passphrase" };

        // Act
        var crypter = file.OpenPassphraseCrypter("new-stack-passphrase");

        // Assert
        Assert.Equal(crypter.EncryptionSalt, file.EncryptionSalt);
        Assert.Null(file.SecretsProvider);
        Assert.StartsWith("encryptionsalt: v1:", file.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenPassphraseCrypter_KmsProvider_ThrowsNamingProvider()
    {
        // Arrange
        var file = new StackSettingsFile { SecretsProvider = "awskms://alias/infra", EncryptedKey = "AAAA" };

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => file.OpenPassphraseCrypter("x"));

        // Assert
        Assert.Equal(
            "secretsprovider: this stack uses the 'awskms://alias/infra' secrets provider; only the passphrase provider is supported",
            exception.Message);
    }

    [Fact]
    public void OpenPassphraseCrypter_NoSaltAndCreationRefused_Throws()
    {
        // Arrange
        var file = new StackSettingsFile();

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => file.OpenPassphraseCrypter("x", createIfMissing: false));

        // Assert
        Assert.Equal("encryptionsalt: this stack has no passphrase secrets provider yet", exception.Message);
        Assert.Null(file.EncryptionSalt);
    }

    [Fact]
    public void RemoveValue_ExistingAndMissing_ReportsWhetherRemoved()
    {
        // Arrange
        var file = StackSettingsFile.Parse(CliStackFile);

        // Act
        var removed = file.RemoveValue(ConfigKey.Parse("foo:a"));
        var removedAgain = file.RemoveValue(ConfigKey.Parse("foo:a"));

        // Assert
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(file.GetValue(ConfigKey.Parse("foo:a")));
        Assert.Equal(3, file.Config.Count);
    }
}
