using Infra.Engine.Planning;
using Infra.Protocol.Values;
using static Infra.Engine.Tests.Planning.EngineFixture;

namespace Infra.Engine.Tests.Planning;

public sealed class PropertyPathTests
{
    [Fact]
    public void KeepOld_NestedKey_KeepsOldValueOnlyThere()
    {
        // Arrange
        var olds = Map(("spec", Obj(("replicas", S("1")), ("image", S("a")))));
        var news = Map(("spec", Obj(("replicas", S("3")), ("image", S("b")))));

        // Act
        var result = PropertyPath.Parse("spec.replicas").KeepOld(olds, news);

        // Assert
        Assert.Equal(Map(("spec", Obj(("replicas", S("1")), ("image", S("b"))))), result);
    }

    [Fact]
    public void KeepOld_QuotedKeyAndIndex_KeepsOldValue()
    {
        // Arrange
        var olds = Map(("tags", Obj(("a.b", PropertyValue.CreateArray([S("x"), S("y")])))));
        var news = Map(("tags", Obj(("a.b", PropertyValue.CreateArray([S("x"), S("z")])))));

        // Act
        var result = PropertyPath.Parse("tags[\"a.b\"][1]").KeepOld(olds, news);

        // Assert
        Assert.Equal(olds, result);
    }

    [Fact]
    public void KeepOld_AbsentInOld_RemovesFromNew()
    {
        // Arrange
        var olds = Map(("a", S("1")));
        var news = Map(("a", S("1")), ("b", S("2")));

        // Act
        var result = PropertyPath.Parse("b").KeepOld(olds, news);

        // Assert
        Assert.Equal(olds, result);
    }

    [Fact]
    public void KeepOld_WildcardOverArray_KeepsEveryItemField()
    {
        // Arrange
        var olds = Map(("ports", PropertyValue.CreateArray([Obj(("n", S("a")), ("p", S("1"))), Obj(("n", S("b")), ("p", S("2")))])));
        var news = Map(("ports", PropertyValue.CreateArray([Obj(("n", S("A")), ("p", S("1"))), Obj(("n", S("B")), ("p", S("9")))])));

        // Act
        var result = PropertyPath.Parse("ports[*].n").KeepOld(olds, news);

        // Assert
        Assert.Equal(Map(("ports", PropertyValue.CreateArray([Obj(("n", S("a")), ("p", S("1"))), Obj(("n", S("b")), ("p", S("9")))]))), result);
    }

    [Fact]
    public void KeepOld_InsideSecret_StaysSecret()
    {
        // Arrange
        var olds = Map(("cfg", PropertyValue.CreateSecret(Obj(("k", S("old"))))));
        var news = Map(("cfg", PropertyValue.CreateSecret(Obj(("k", S("new")), ("j", S("x"))))));

        // Act
        var result = PropertyPath.Parse("cfg.k").KeepOld(olds, news);

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(Obj(("j", S("x")), ("k", S("old")))), result["cfg"]);
    }

    [Theory]
    [InlineData("spec.replicas", true)]
    [InlineData("spec.image", false)]
    [InlineData("spec", true)]
    [InlineData("*", true)]
    [InlineData("other", false)]
    public void Differs_Paths_DetectsOnlyChangesUnderThePath(string path, bool expected)
    {
        // Arrange
        var olds = Map(("spec", Obj(("replicas", S("1")), ("image", S("a")))));
        var news = Map(("spec", Obj(("replicas", S("2")), ("image", S("a")))));

        // Act
        var differs = PropertyPath.Parse(path).Differs(olds, news);

        // Assert
        Assert.Equal(expected, differs);
    }

    [Theory]
    [InlineData("a[", "an opening '[' has no closing ']'")]
    [InlineData("a..b", "it has an empty segment")]
    [InlineData("a.", "it ends with '.'")]
    [InlineData("a[x]", "'[x]' is neither an index, a quoted key nor '[*]'")]
    [InlineData("", "it is empty")]
    public void Parse_Malformed_ThrowsNamingPathAndReason(string path, string reason)
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => PropertyPath.Parse(path));

        // Assert
        Assert.Equal(
            $"Property path '{path}' is malformed: {reason}. Expected a form such as 'a.b', 'a[0].b', 'a[\"x.y\"]' or 'a[*]'.",
            ex.Message);
    }
}
