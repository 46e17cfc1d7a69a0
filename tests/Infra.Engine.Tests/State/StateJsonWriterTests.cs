using Infra.Engine.State;

namespace Infra.Engine.Tests.State;

public sealed class StateJsonWriterTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(3d, "3")]
    [InlineData(-42d, "-42")]
    [InlineData(1.5d, "1.5")]
    [InlineData(0.1d, "0.1")]
    [InlineData(1e20d, "100000000000000000000")]
    [InlineData(1e21d, "1e+21")]
    [InlineData(1.5e300d, "1.5e+300")]
    [InlineData(1e-6d, "0.000001")]
    [InlineData(1e-7d, "1e-7")]
    [InlineData(1.25e-10d, "1.25e-10")]
    [InlineData(123456789.125d, "123456789.125")]
    [InlineData(1e15d, "1000000000000000")]
    [InlineData(1.2345678901234567e17d, "123456789012345660")]
    public void FormatNumber_Value_MatchesGoEncodingJson(double value, string expected)
    {
        // Arrange / Act
        var text = StateJsonWriter.FormatNumber(value);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void WriteStringValue_SpecialCharacters_EscapesLikeGo()
    {
        // Arrange
        using var writer = new StateJsonWriter();

        // Act
        writer.WriteStringValue("a\"b\\c\n\r\t\b\f\u0001<>&é😀\u2028\u007f");

        // Assert
        Assert.Equal("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001<>&é😀\\u2028\u007f\"", writer.ToUtf8String());
    }

    [Fact]
    public void WriteStringValue_EscapeHtml_EscapesAngleBracketsAndAmpersand()
    {
        // Arrange
        using var writer = new StateJsonWriter(escapeHtml: true);

        // Act
        writer.WriteStringValue("<a&b>");

        // Assert
        Assert.Equal("\"\\u003ca\\u0026b\\u003e\"", writer.ToUtf8String());
    }

    [Fact]
    public void WriteStringValue_LoneSurrogate_WritesReplacementEscape()
    {
        // Arrange
        using var writer = new StateJsonWriter();

        // Act
        writer.WriteStringValue("x\ud800y");

        // Assert
        Assert.Equal("\"x\\ufffdy\"", writer.ToUtf8String());
    }

    [Fact]
    public void Indented_NestedContainers_MatchesGoMarshalIndent()
    {
        // Arrange
        using var writer = new StateJsonWriter(indentSize: 4);

        // Act
        writer.WriteStartObject();
        writer.WriteNumber("version", 3L);
        writer.WritePropertyName("empty");
        writer.WriteStartObject();
        writer.WriteEndObject();
        writer.WritePropertyName("list");
        writer.WriteStartArray();
        writer.WriteBooleanValue(true);
        writer.WriteNullValue();
        writer.WriteEndArray();
        writer.WriteEndObject();

        // Assert
        Assert.Equal("{\n    \"version\": 3,\n    \"empty\": {},\n    \"list\": [\n        true,\n        null\n    ]\n}", writer.ToUtf8String());
    }

    [Fact]
    public void Compact_ObjectWithMembers_HasNoWhitespace()
    {
        // Arrange
        using var writer = new StateJsonWriter();

        // Act
        writer.WriteStartObject();
        writer.WriteString("a", "b");
        writer.WritePropertyName("c");
        writer.WriteStartArray();
        writer.WriteNumberValue(1L);
        writer.WriteNumberValue(2.5);
        writer.WriteEndArray();
        writer.WriteEndObject();

        // Assert
        Assert.Equal("{\"a\":\"b\",\"c\":[1,2.5]}", writer.ToUtf8String());
    }

    [Fact]
    public void Stream_LargeDocument_FlushesEverything()
    {
        // Arrange
        using var stream = new MemoryStream();
        var big = new string('x', 200_000);

        // Act
        using (var writer = new StateJsonWriter(stream))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(big);
            writer.WriteStringValue(big);
            writer.WriteEndArray();
            writer.Flush();
        }

        // Assert
        Assert.Equal((big.Length * 2) + 7, stream.Length);
    }
}
