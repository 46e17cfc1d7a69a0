using Infra.Conformance.Tests.Fakes;

namespace Infra.Conformance.Tests.FakesSelfTests;

public sealed class WireFormatRulesTests
{
    [Theory]
    [InlineData("4.18.1", true)]
    [InlineData("0.0.0", true)]
    [InlineData("1.2.3-alpha.1+build.5", true)]
    [InlineData("v4.18.1", false)]
    [InlineData("4.18", false)]
    [InlineData("01.2.3", false)]
    [InlineData("1.2.3-01", false)]
    [InlineData("1.2.3 ", false)]
    [InlineData("１.2.3", false)]
    public void IsStrictSemver_Cases_MatchTheSemverGrammar(string version, bool expected)
    {
        // Act
        var valid = WireFormatRules.IsStrictSemver(version);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("5m", true)]
    [InlineData("300s", true)]
    [InlineData("1500000000ns", true)]
    [InlineData("1h30m", true)]
    [InlineData("1.5h", true)]
    [InlineData("0", true)]
    [InlineData("-2us", true)]
    [InlineData("5", false)]
    [InlineData("5 m", false)]
    [InlineData("5d", false)]
    [InlineData("", false)]
    [InlineData("PT5M", false)]
    public void IsGoDuration_Cases_MatchTimeParseDuration(string duration, bool expected)
    {
        // Act
        var valid = WireFormatRules.IsGoDuration(duration);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("kubernetes:apps/v1:Deployment", true)]
    [InlineData("pulumi:providers:kubernetes", true)]
    [InlineData("random:RandomId", false)]
    [InlineData("a::b", false)]
    [InlineData("a:b:c:d", false)]
    public void IsThreePartToken_Cases_RequireThreeNonEmptyParts(string token, bool expected)
    {
        // Act
        var valid = WireFormatRules.IsThreePartToken(token);

        // Assert
        Assert.Equal(expected, valid);
    }
}
