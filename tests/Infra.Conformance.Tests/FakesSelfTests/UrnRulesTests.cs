using Infra.Conformance.Tests.Fakes;

namespace Infra.Conformance.Tests.FakesSelfTests;

public sealed class UrnRulesTests
{
    [Fact]
    public void TryParse_NestedUrnWithColonsInName_SplitsAtTheFirstThreeDelimiters()
    {
        // Arrange
        const string urn = "urn:pulumi:dev::proj::my:comp:Web$kubernetes:apps/v1:Deployment::web::x";

        // Act
        var ok = UrnRules.TryParse(urn, out var parsed);

        // Assert
        Assert.True(ok);
        Assert.Equal(new ParsedUrn("dev", "proj", "my:comp:Web$kubernetes:apps/v1:Deployment", "web::x"), parsed);
        Assert.Equal("kubernetes:apps/v1:Deployment", parsed.Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("urn:pulumi:")]
    [InlineData("urn:pulumi:dev::proj::type")]
    [InlineData("urn:pulumi:::proj::type::name")]
    [InlineData("urn:pulumi:dev::::type::name")]
    [InlineData("urn:pulumi:dev::proj::::name")]
    [InlineData("urn:pulumi:dev::proj::type::")]
    [InlineData("urn:pulumi:dev::proj::a$$b::name")]
    [InlineData("URN:pulumi:dev::proj::type::name")]
    public void TryParse_Malformed_ReturnsFalse(string urn)
    {
        // Act
        var ok = UrnRules.TryParse(urn, out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void Create_WithParentChain_PrefixesQualifiedType()
    {
        // Act
        var urn = UrnRules.Create("dev", "proj", UrnRules.QualifyType("my:comp:Web", "random:index:RandomId"), "id");

        // Assert
        Assert.Equal("urn:pulumi:dev::proj::my:comp:Web$random:index:RandomId::id", urn);
    }
}
