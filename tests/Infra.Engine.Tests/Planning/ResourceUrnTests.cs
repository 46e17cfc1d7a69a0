using Infra.Engine.Planning;

namespace Infra.Engine.Tests.Planning;

public sealed class ResourceUrnTests
{
    private const string StackUrn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

    [Fact]
    public void Create_ParentIsStack_HasNoTypePrefix()
    {
        // Act
        var urn = ResourceUrn.Create("dev", "proj", StackUrn, "my:comp:Web", "web");

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Web::web", urn);
    }

    [Fact]
    public void Create_NestedParent_ChainsQualifiedTypes()
    {
        // Arrange
        var parent = ResourceUrn.Create("dev", "proj", StackUrn, "my:comp:Web", "web");

        // Act
        var urn = ResourceUrn.Create("dev", "proj", parent, "kubernetes:apps/v1:Deployment", "web-app");

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Web$kubernetes:apps/v1:Deployment::web-app", urn);
        Assert.Equal("kubernetes:apps/v1:Deployment", ResourceUrn.TypeOf(urn));
        Assert.Equal("web-app", ResourceUrn.NameOf(urn));
        Assert.Equal("dev", ResourceUrn.StackOf(urn));
        Assert.Equal("proj", ResourceUrn.ProjectOf(urn));
    }

    [Theory]
    [InlineData("urn:pulumi:dev::proj::t:m:T::n", true)]
    [InlineData("urn:pulumi:dev::proj::t:m:T", false)]
    [InlineData("arn:aws:x", false)]
    [InlineData(null, false)]
    public void IsValid_Input_MatchesUrnShape(string? urn, bool expected)
    {
        // Act / Assert
        Assert.Equal(expected, ResourceUrn.IsValid(urn));
    }

    [Fact]
    public void PackageOf_Token_IsFirstSegment()
    {
        // Act / Assert
        Assert.Equal("kubernetes", ResourceUrn.PackageOf("kubernetes:core/v1:Namespace"));
    }
}
