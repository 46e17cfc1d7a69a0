using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes.Tests.Typed.Wire;

public sealed class KubernetesRulesTests
{
    [Theory]
    [InlineData("web", "Dns1123Subdomain", true)]
    [InlineData("web.example-1", "Dns1123Subdomain", true)]
    [InlineData("Web", "Dns1123Subdomain", false)]
    [InlineData("-web", "Dns1123Subdomain", false)]
    [InlineData("web.", "Dns1123Subdomain", false)]
    [InlineData("", "Dns1123Subdomain", false)]
    [InlineData("team-a", "Dns1123Label", true)]
    [InlineData("team.a", "Dns1123Label", false)]
    [InlineData("1web", "Dns1123Label", true)]
    [InlineData("1web", "Rfc1035Label", false)]
    [InlineData("web-1", "Rfc1035Label", true)]
    [InlineData("system:auth-delegator", "PathSegment", true)]
    [InlineData("..", "PathSegment", false)]
    [InlineData("a%b", "PathSegment", false)]
    public void CheckName_Value_MatchesTheApiServerRule(string name, string rule, bool valid)
    {
        // Act
        var problem = KubernetesRules.CheckName(name, Enum.Parse<NameRule>(rule));

        // Assert
        Assert.Equal(valid, problem is null);
    }

    [Fact]
    public void CheckName_LongNames_RespectTheLengthLimits()
    {
        // Act + Assert
        Assert.Null(KubernetesRules.CheckName(new string('a', 63), NameRule.Dns1123Label));
        Assert.NotNull(KubernetesRules.CheckName(new string('a', 64), NameRule.Dns1123Label));
        Assert.Null(KubernetesRules.CheckName(new string('a', 253), NameRule.Dns1123Subdomain));
        Assert.NotNull(KubernetesRules.CheckName(new string('a', 254), NameRule.Dns1123Subdomain));
    }

    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("example.com/Under_score.x", true)]
    [InlineData("Example.com/x", false)]
    [InlineData("/x", false)]
    [InlineData("a/", false)]
    [InlineData("a b", false)]
    [InlineData("_x", false)]
    public void IsQualifiedName_Key_MatchesTheLabelKeyRule(string key, bool valid)
    {
        // Act + Assert
        Assert.Equal(valid, KubernetesRules.IsQualifiedName(key));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("v1.2_3-x", true)]
    [InlineData("a b", false)]
    [InlineData("x-", false)]
    public void IsLabelValue_Value_MatchesTheLabelValueRule(string value, bool valid)
    {
        // Act + Assert
        Assert.Equal(valid, KubernetesRules.IsLabelValue(value));
    }

    [Theory]
    [InlineData("config.yaml", true)]
    [InlineData("a_b-c", true)]
    [InlineData("a/b", false)]
    [InlineData(".", false)]
    public void IsDataKey_Key_MatchesTheConfigMapKeyRule(string key, bool valid)
    {
        // Act + Assert
        Assert.Equal(valid, KubernetesRules.IsDataKey(key));
    }
}
