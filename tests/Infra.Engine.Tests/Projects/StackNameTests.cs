using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class StackNameTests
{
    [Theory]
    [InlineData("dev", "dev", "homelab")]
    [InlineData("organization/dev", "dev", "homelab")]
    [InlineData("organization/other/prod", "prod", "other")]
    public void Parse_AcceptedForms_ReturnShortNameAndProject(string text, string expectedName, string expectedProject)
    {
        // Act
        var stack = StackName.Parse(text, "homelab");

        // Assert
        Assert.Equal(expectedName, stack.Name);
        Assert.Equal(expectedProject, stack.Project);
    }

    [Fact]
    public void Parse_WrongOrganizationAndBadName_ReportsBothProblems()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => StackName.Parse("acme/my stack"));

        // Assert
        Assert.Equal(
            "Stack name 'acme/my stack' is invalid (2 problems):" + Environment.NewLine
            + "  - stack.organization: the local backend only knows the organization 'organization' (was 'acme')" + Environment.NewLine
            + "  - stack: stack names may only contain alphanumerics, hyphens, underscores, and periods (invalid character ' ' at position 2) (was 'my stack')",
            exception.Message);
    }

    [Fact]
    public void Parse_TooManyParts_ThrowsShapeRule()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => StackName.Parse("a/b/c/d"));

        // Assert
        Assert.Equal(
            "Stack name 'a/b/c/d' is invalid (1 problem):" + Environment.NewLine
            + "  - stack: a stack reference must be 'stack', 'organization/stack' or 'organization/<project>/stack' (was 'a/b/c/d')",
            exception.Message);
    }
}
