using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class ConfigPropertyPathTests
{
    [Theory]
    [InlineData("outer.inner", "outer|inner")]
    [InlineData("names[0]", "names|[0]")]
    [InlineData("[\"dotted.key\"][\"nested.key\"]", "dotted.key|nested.key")]
    [InlineData("servers[1].host", "servers|[1]|host")]
    [InlineData("aws:tags.Name", "aws:tags|Name")]
    [InlineData("a[\"quote\\\"d\"]", "a|quote\"d")]
    public void Parse_ValidPath_ReturnsSegments(string path, string expected)
    {
        // Act
        var segments = ConfigPropertyPath.Parse(path);

        // Assert
        Assert.Equal(expected, string.Join("|", segments));
    }

    [Fact]
    public void Parse_IndexSegment_IsIndex()
    {
        // Act
        var segments = ConfigPropertyPath.Parse("names[12]");

        // Assert
        Assert.True(segments[1].IsIndex);
        Assert.Equal(12, segments[1].Index);
    }

    [Theory]
    [InlineData("", "invalid config path '': the path is empty")]
    [InlineData("[0].a", "invalid config path '[0].a': the first segment must be a name (the config key), not an index")]
    [InlineData("a..b", "invalid config path 'a..b': empty name at position 2")]
    [InlineData("a[x]", "invalid config path 'a[x]': an index must be a non-negative integer (was 'x')")]
    [InlineData("a[-1]", "invalid config path 'a[-1]': an index must be a non-negative integer (was '-1')")]
    [InlineData("a[1", "invalid config path 'a[1': missing ']' for '[' at position 1")]
    [InlineData("a[\"b", "invalid config path 'a[\"b': unterminated [\"...\"] starting at position 1")]
    [InlineData("a[0]b", "invalid config path 'a[0]b': expected '.' or '[' at position 4")]
    public void Parse_InvalidPath_ThrowsFullMessage(string path, string expected)
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => ConfigPropertyPath.Parse(path));

        // Assert
        Assert.Equal(expected, exception.Message);
    }
}
