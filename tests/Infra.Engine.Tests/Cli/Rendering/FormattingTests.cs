using System.Collections.Immutable;
using Infra.Cli.Rendering;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Cli.Rendering;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("aws:ec2/instance:Instance", "aws:ec2:Instance")]
    [InlineData("random:index/randomPet:RandomPet", "random:index:RandomPet")]
    [InlineData("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment")]
    [InlineData("pulumi:pulumi:Stack", "pulumi:pulumi:Stack")]
    public void TypeDisplaySimplify_Token_DropsRedundantFileSegment(string type, string expected)
    {
        // Arrange / Act
        var display = TypeDisplay.Simplify(type);

        // Assert
        Assert.Equal(expected, display);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1500, "2s")]
    [InlineData(609_000, "10m9s")]
    [InlineData(3_602_000, "1h0m2s")]
    public void GoDurationFormatRoundedUp_Duration_MatchesGoStyle(int milliseconds, string expected)
    {
        // Arrange / Act
        var text = GoDuration.FormatRoundedUp(TimeSpan.FromMilliseconds(milliseconds));

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(120, "0.12s")]
    [InlineData(3400, "3s")]
    [InlineData(65_000, "1m5s")]
    public void GoDurationFormatStepTiming_Elapsed_UsesHundredthsBelowOneSecond(int milliseconds, string expected)
    {
        // Arrange / Act
        var text = GoDuration.FormatStepTiming(TimeSpan.FromMilliseconds(milliseconds));

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ResourceSummaryFormat_UpdateWithSeveralKinds_CountsChangesAndUnchanged()
    {
        // Arrange
        var counts = ImmutableSortedDictionary<StepKind, int>.Empty
            .Add(StepKind.Create, 3).Add(StepKind.Update, 1).Add(StepKind.Replace, 1).Add(StepKind.Same, 5).Add(StepKind.Read, 2);

        // Act
        var lines = ResourceSummary.Format(counts, isPreview: false);

        // Assert
        Assert.Equal(["Resources:", "    + 3 created", "    ~ 1 updated", "    +-1 replaced", "    5 changes. 5 unchanged"], lines);
    }

    [Fact]
    public void ResourceSummaryFormat_PreviewWithOneKind_OmitsChangeTotal()
    {
        // Arrange
        var counts = ImmutableSortedDictionary<StepKind, int>.Empty.Add(StepKind.Create, 6);

        // Act
        var lines = ResourceSummary.Format(counts, isPreview: true);

        // Assert
        Assert.Equal(["Resources:", "    + 6 to create"], lines);
    }

    [Fact]
    public void ValueFormatterGoQuote_SpecialCharacters_EscapesAsGo()
    {
        // Arrange / Act
        var text = ValueFormatter.GoQuote("a\"b\n\tc\\\u0001é");

        // Assert
        Assert.Equal("\"a\\\"b\\n\\tc\\\\\\x01é\"", text);
    }

    [Fact]
    public void ValueFormatterFormat_NestedValues_MasksSecretsAndIndents()
    {
        // Arrange
        var value = PropertyValue.CreateObject(new Dictionary<string, PropertyValue>
        {
            ["port"] = PropertyValue.Create(8080),
            ["ratio"] = PropertyValue.Create(0.5),
            ["tags"] = PropertyValue.CreateArray([PropertyValue.Create("a"), PropertyValue.Null]),
            ["token"] = PropertyValue.CreateSecret(PropertyValue.Create("hunter2")),
            ["later"] = PropertyValue.Unknown,
        });

        // Act
        var masked = ValueFormatter.Format(value, showSecrets: false);
        var shown = ValueFormatter.Format(value, showSecrets: true);

        // Assert
        Assert.Equal(
            """
            {
                later: [unknown]
                port : 8080
                ratio: 0.5
                tags : [
                    [0]: "a"
                    [1]: <null>
                ]
                token: [secret]
            }
            """.ReplaceLineEndings("\n"),
            masked);
        Assert.Contains("token: \"hunter2\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void StackOutputFormatterFormatTable_Outputs_SortsPadsAndMasks()
    {
        // Arrange
        var outputs = new Dictionary<string, PropertyValue>
        {
            ["url"] = PropertyValue.Create("http://web"),
            ["count"] = PropertyValue.Create(3),
            ["password"] = PropertyValue.CreateSecret(PropertyValue.Create("hunter2")),
            ["tags"] = PropertyValue.CreateArray([PropertyValue.Create("a"), PropertyValue.CreateSecret(PropertyValue.Create("b"))]),
        };

        // Act
        var text = StackOutputFormatter.FormatTable(outputs, showSecrets: false);

        // Assert
        Assert.Equal(
            """
            Current stack outputs (4):
                OUTPUT    VALUE
                count     3
                password  [secret]
                tags      ["a","[secret]"]
                url       http://web

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void StackOutputFormatterFormatTable_NoOutputs_SaysSo()
    {
        // Arrange / Act
        var text = StackOutputFormatter.FormatTable(new Dictionary<string, PropertyValue>(), showSecrets: false);

        // Assert
        Assert.Equal("Current stack outputs (0):\n    No output values currently in this stack\n", text);
    }

    [Fact]
    public void StackOutputFormatterFormatJson_ShowSecrets_WritesTwoSpaceIndentedPlaintext()
    {
        // Arrange
        var outputs = new Dictionary<string, PropertyValue>
        {
            ["password"] = PropertyValue.CreateSecret(PropertyValue.Create("<hunter2>")),
            ["count"] = PropertyValue.Create(3),
        };

        // Act
        var text = StackOutputFormatter.FormatJson(outputs, name: null, showSecrets: true);

        // Assert
        Assert.Equal("{\n  \"count\": 3,\n  \"password\": \"<hunter2>\"\n}\n", text);
    }
}
