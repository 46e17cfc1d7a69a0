using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class ConfigJsonTests
{
    [Fact]
    public void Format_Object_SortsKeysAndInlinesDecryptedSecrets()
    {
        // Arrange
        var value = ConfigValue.Object(
        [
            new("port", ConfigValue.Scalar(ConfigValueKind.Integer, "5432")),
            new("host", ConfigValue.String("db.lan")),
            new("password", ConfigValue.Secure("v1:cipher")),
        ]);

        // Act
        var json = ConfigJson.Format(value, ciphertext => ciphertext == "v1:cipher" ? "s3cr3t" : "wrong");

        // Assert
        Assert.Equal("{\"host\":\"db.lan\",\"password\":\"s3cr3t\",\"port\":5432}", json);
    }

    [Fact]
    public void Format_StringsWithSpecialCharacters_EscapesLikeGo()
    {
        // Arrange
        var value = ConfigValue.Array([ConfigValue.String("<a&b>\"\\\n\t\u0001é\u2028")]);

        // Act
        var json = ConfigJson.Format(value, _ => string.Empty);

        // Assert
        Assert.Equal("[\"\\u003ca\\u0026b\\u003e\\\"\\\\\\n\\t\\u0001é\\u2028\"]", json);
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.5")]
    [InlineData("3.0", "3")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("-2.5e-10", "-2.5e-10")]
    [InlineData("123456.789", "123456.789")]
    public void Format_Float_UsesGoNumberFormat(string yaml, string expected)
    {
        // Arrange
        var value = ConfigValue.Array([ConfigValue.Scalar(ConfigValueKind.Float, yaml)]);

        // Act
        var json = ConfigJson.Format(value, _ => string.Empty);

        // Assert
        Assert.Equal($"[{expected}]", json);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("+7", "7")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("18446744073709551616", "18446744073709552000")]
    public void FormatInteger_YamlSpelling_WritesDecimal(string yaml, string expected)
    {
        // Act
        var json = ConfigJson.FormatInteger(yaml);

        // Assert
        Assert.Equal(expected, json);
    }

    [Fact]
    public void FormatStringMap_UnsortedEntries_WritesSortedCompactObject()
    {
        // Arrange
        var entries = new Dictionary<string, string> { ["b:x"] = "2", ["a:y"] = "{\"k\":1}" };

        // Act
        var json = ConfigJson.FormatStringMap(entries);

        // Assert
        Assert.Equal("{\"a:y\":\"{\\\"k\\\":1}\",\"b:x\":\"2\"}", json);
    }

    [Fact]
    public void FormatRedacted_SecretLeaves_ShowsPlaceholder()
    {
        // Arrange
        var value = ConfigValue.Object([new("password", ConfigValue.Secure("v1:abc:def")), new("user", ConfigValue.String("admin"))]);

        // Act
        var text = value.ToString();

        // Assert
        Assert.Equal("{\"password\":\"[secret]\",\"user\":\"admin\"}", text);
        Assert.Equal("[secret]", ConfigValue.Secure("v1:abc:def").ToString());
    }
}
