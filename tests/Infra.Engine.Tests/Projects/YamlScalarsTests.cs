using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class YamlScalarsTests
{
    [Theory]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("yes", "String")]
    [InlineData("8080", "Integer")]
    [InlineData("-3", "Integer")]
    [InlineData("0x1F", "Integer")]
    [InlineData("1.5", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData(".inf", "Float")]
    [InlineData("v1:abc", "String")]
    [InlineData("web", "String")]
    public void Resolve_PlainScalar_FollowsCoreSchema(string text, string expected)
    {
        // Act
        var kind = YamlScalars.Resolve(text);

        // Assert
        Assert.Equal(expected, kind.ToString());
    }

    [Theory]
    [InlineData("8080", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("off", true)]
    [InlineData("", true)]
    [InlineData("1:30", true)]
    [InlineData("web", false)]
    [InlineData("v1:abc:def", false)]
    public void NeedsQuotes_String_QuotesWhatWouldReadBackAsAnotherType(string text, bool expected)
    {
        // Act
        var needsQuotes = YamlScalars.NeedsQuotes(text);

        // Assert
        Assert.Equal(expected, needsQuotes);
    }
}
