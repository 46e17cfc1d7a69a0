using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("homelab")]
    [InlineData("my-proj_1.2")]
    [InlineData(".hidden")]
    [InlineData("pulumiext")]
    public void CheckProjectName_ValidName_ReturnsNull(string name)
    {
        // Act
        var rule = NameRules.CheckProjectName(name);

        // Assert
        Assert.Null(rule);
    }

    [Theory]
    [InlineData("", "project names may not be empty")]
    [InlineData("my proj", "project names may only contain alphanumerics, hyphens, underscores, and periods")]
    [InlineData("a/b", "project names may only contain alphanumerics, hyphens, underscores, and periods")]
    [InlineData("Pulumi", "project names may not be 'pulumi' or start with 'pulumi.' (reserved for the Pulumi namespace)")]
    [InlineData("pulumi.extras", "project names may not be 'pulumi' or start with 'pulumi.' (reserved for the Pulumi namespace)")]
    public void CheckProjectName_InvalidName_ReturnsRule(string name, string expected)
    {
        // Act
        var rule = NameRules.CheckProjectName(name);

        // Assert
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void CheckProjectName_TooLong_ReturnsLengthRule()
    {
        // Act
        var rule = NameRules.CheckProjectName(new string('a', 101));

        // Assert
        Assert.Equal("project names are limited to 100 characters", rule);
        Assert.Null(NameRules.CheckProjectName(new string('a', 100)));
    }

    [Theory]
    [InlineData("", "stack names may not be empty")]
    [InlineData("dev stack", "stack names may only contain alphanumerics, hyphens, underscores, and periods (invalid character ' ' at position 3)")]
    [InlineData("dev/x", "stack names may only contain alphanumerics, hyphens, underscores, and periods (invalid character '/' at position 3)")]
    public void CheckStackName_InvalidName_NamesFirstBadCharacter(string name, string expected)
    {
        // Act
        var rule = NameRules.CheckStackName(name);

        // Assert
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void CheckStackName_TooLong_ReturnsLengthRule()
    {
        // Act
        var rule = NameRules.CheckStackName(new string('s', 101));

        // Assert
        Assert.Equal("stack names are limited to 100 characters", rule);
    }
}
