using Infra.Engine.Secrets;

namespace Infra.Engine.Tests.Secrets;

public sealed class PassphraseSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infra-passphrase-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Read_PassphraseVariableSet_ReturnsIt()
    {
        // Arrange
        var environment = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE"] = "from-env" };

        // Act
        var passphrase = PassphraseSource.Read(environment);

        // Assert
        Assert.Equal("from-env", passphrase);
    }

    [Fact]
    public void Read_PassphraseVariableEmpty_WinsOverFile()
    {
        // Arrange
        var file = Path.Combine(_directory, "pass.txt");
        File.WriteAllText(file, "from-file");
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_CONFIG_PASSPHRASE"] = string.Empty,
            ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file,
        };

        // Act
        var passphrase = PassphraseSource.Read(environment);

        // Assert
        Assert.Equal(string.Empty, passphrase);
    }

    [Fact]
    public void Read_FileVariable_ReturnsTrimmedContents()
    {
        // Arrange
        var file = Path.Combine(_directory, "pass.txt");
        File.WriteAllText(file, "  correct horse battery staple \n");
        var environment = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file };

        // Act
        var passphrase = PassphraseSource.Read(environment);

        // Assert
        Assert.Equal("correct horse battery staple", passphrase);
    }

    [Fact]
    public void Read_RelativeFilePath_ResolvedAgainstWorkingDirectory()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_directory, "pass.txt"), "relative\n");
        var environment = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = "pass.txt" };

        // Act
        var passphrase = PassphraseSource.Read(environment, workingDirectory: _directory);

        // Assert
        Assert.Equal("relative", passphrase);
    }

    [Fact]
    public void Read_FileVariableEmpty_FallsThroughToPrompt()
    {
        // Arrange
        var environment = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = string.Empty };

        // Act
        var passphrase = PassphraseSource.Read(environment, () => "typed");

        // Assert
        Assert.Equal("typed", passphrase);
    }

    [Fact]
    public void Read_NothingSetAndNoPrompt_ThrowsPulumiMessage()
    {
        // Arrange
        var environment = new Dictionary<string, string> { ["HOME"] = "/root" };

        // Act
        var exception = Assert.Throws<SecretsException>(() => PassphraseSource.Read(environment));

        // Assert
        Assert.Equal(SecretsErrorKind.PassphraseUnavailable, exception.Kind);
        Assert.Equal(
            "passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables",
            exception.Message);
    }

    [Fact]
    public void TryRead_NothingSet_ReturnsNull()
    {
        // Act
        var passphrase = PassphraseSource.TryRead(new Dictionary<string, string>());

        // Assert
        Assert.Null(passphrase);
    }

    [Fact]
    public void Read_FileMissing_ThrowsNamingVariableAndPath()
    {
        // Arrange
        var file = Path.Combine(_directory, "missing.txt");
        var environment = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file };

        // Act
        var exception = Assert.Throws<SecretsException>(() => PassphraseSource.Read(environment));

        // Assert
        Assert.Equal(SecretsErrorKind.PassphraseUnavailable, exception.Kind);
        Assert.Equal(
            $"PULUMI_CONFIG_PASSPHRASE_FILE: unable to read the passphrase file '{file}' (FileNotFoundException)",
            exception.Message);
    }
}
