using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class ConfigKeyTests
{
    [Theory]
    [InlineData("homelab:nodeCount", "homelab", "nodeCount")]
    [InlineData("kubernetes:context", "kubernetes", "context")]
    [InlineData("aws:config:region", "aws", "region")]
    [InlineData("homelab:with.dots", "homelab", "with.dots")]
    public void Parse_NamespacedKey_SplitsNamespaceAndName(string text, string expectedNamespace, string expectedName)
    {
        // Act
        var key = ConfigKey.Parse(text);

        // Assert
        Assert.Equal(expectedNamespace, key.Namespace);
        Assert.Equal(expectedName, key.Name);
        Assert.Equal($"{expectedNamespace}:{expectedName}", key.FullKey);
    }

    [Fact]
    public void Parse_BareKeyWithDefaultNamespace_GetsProjectNamespace()
    {
        // Act
        var key = ConfigKey.Parse("dbName", "myproj");

        // Assert
        Assert.Equal("myproj:dbName", key.ToString());
    }

    [Theory]
    [InlineData("dbName")]
    [InlineData("a:b:c")]
    [InlineData(":name")]
    [InlineData("ns:")]
    [InlineData("a:config:b:c")]
    public void Parse_BadShape_ThrowsFormatExceptionNamingRuleAndValue(string text)
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => ConfigKey.Parse(text));

        // Assert
        Assert.Equal($"configuration keys should be of the form `<namespace>:<name>` (was '{text}')", exception.Message);
    }

    [Fact]
    public void Parse_Empty_ThrowsFormatException()
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => ConfigKey.Parse(string.Empty, "p"));

        // Assert
        Assert.Equal("configuration keys may not be empty (was '')", exception.Message);
    }

    [Fact]
    public void Equality_LegacyAndModernForms_AreEqual()
    {
        // Act
        var legacy = ConfigKey.Parse("aws:config:region");
        var modern = ConfigKey.Parse("aws:region");

        // Assert
        Assert.Equal(modern, legacy);
        Assert.Equal(0, legacy.CompareTo(modern));
    }
}
