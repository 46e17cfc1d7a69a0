using Infra.Engine.State;

namespace Infra.Engine.Tests.State;

public sealed class StackReferenceTests
{
    [Fact]
    public void Parse_FullyQualified_SplitsProjectAndStack()
    {
        // Arrange / Act
        var reference = StackReference.Parse("organization/homelab/prod-1");

        // Assert
        Assert.Equal(("homelab", "prod-1"), (reference.Project, reference.Name));
        Assert.Equal("organization/homelab/prod-1", reference.ToString());
    }

    [Fact]
    public void Constructor_InvalidNames_ListsEveryProblem()
    {
        // Arrange / Act
        var exception = Assert.Throws<ArgumentException>(() => new StackReference("my project", string.Empty));

        // Assert
        Assert.Equal(
            "project name: may contain only letters, digits, '_', '.' and '-' (was 'my project')" + Environment.NewLine
            + "stack name: must be 1 to 100 characters long (was '')",
            exception.Message);
    }
}
