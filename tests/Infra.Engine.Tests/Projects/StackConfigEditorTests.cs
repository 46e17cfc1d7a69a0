using Infra.Engine.Projects;
using Infra.Engine.Secrets;
using Infra.Engine.Tests.Secrets;

namespace Infra.Engine.Tests.Projects;

public sealed class StackConfigEditorTests
{
    private readonly StackSettingsFile _file = new() { EncryptionSalt = TestCrypters.PasswordSalt };
    private readonly PassphraseSecretsCrypter _crypter = TestCrypters.Password();

    private StackConfigEditor Editor => new(_file, "myproj", _crypter);

    [Fact]
    public void Set_BareKey_StoresStringUnderProjectNamespace()
    {
        // Act
        var key = Editor.Set("dbName", "x");

        // Assert
        Assert.Equal("myproj:dbName", key.FullKey);
        Assert.Equal(ConfigValue.String("x"), _file.GetValue(key));
    }

    [Fact]
    public void Set_DigitsOnlyValue_StaysStringAndIsQuoted()
    {
        // Act
        Editor.Set("port", "8080");

        // Assert
        Assert.Equal(ConfigValueKind.String, _file.GetValue(ConfigKey.Parse("myproj:port"))?.Kind);
        Assert.Contains("myproj:port: \"8080\"", _file.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_Secret_StoresDecryptableSecureValueWithoutPlaintext()
    {
        // Act
        Editor.Set("dbPassword", "hunter2", secret: true);

        // Assert
        var value = _file.GetValue(ConfigKey.Parse("myproj:dbPassword"))!;
        Assert.Equal(ConfigValueKind.Secure, value.Kind);
        Assert.Equal("hunter2", _crypter.Decrypt(value.Ciphertext));
        Assert.DoesNotContain("hunter2", _file.ToYaml(), StringComparison.Ordinal);
        Assert.Matches("  myproj:dbPassword:\n    secure: v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+\n", _file.ToYaml().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Set_SecretWithoutCrypter_ThrowsNamingKey()
    {
        // Arrange
        var editor = new StackConfigEditor(_file, "myproj", crypter: null);

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => editor.Set("token", "t0k3n", secret: true));

        // Assert
        Assert.Equal(
            "myproj:token: cannot encrypt or decrypt a secret because no secrets provider is open for this stack",
            exception.Message);
        Assert.Empty(_file.Config);
    }

    [Fact]
    public void Set_PathIndexZero_CreatesList()
    {
        // Act
        Editor.Set("names[0]", "a", path: true);

        // Assert
        Assert.Equal(ConfigValue.Array([ConfigValue.String("a")]), _file.GetValue(ConfigKey.Parse("myproj:names")));
    }

    [Fact]
    public void Set_PathNestedBoolAndInteger_AreCoerced()
    {
        // Act
        Editor.Set("data.active", "true", path: true);
        Editor.Set("data.count", "42", path: true);
        Editor.Set("data.zip", "01234", path: true);
        Editor.Set("data.name", "web", path: true);

        // Assert
        var data = _file.GetValue(ConfigKey.Parse("myproj:data"))!;
        Assert.Equal(ConfigValueKind.Boolean, data.GetMember("active")?.Kind);
        Assert.Equal(ConfigValueKind.Integer, data.GetMember("count")?.Kind);
        Assert.Equal(ConfigValueKind.String, data.GetMember("zip")?.Kind);
        Assert.Equal(ConfigValueKind.String, data.GetMember("name")?.Kind);
        Assert.Equal("{\"active\":true,\"count\":42,\"name\":\"web\",\"zip\":\"01234\"}", Editor.Get("data")?.Text);
    }

    [Fact]
    public void Set_PathSingleSegment_StaysStringLikeTopLevel()
    {
        // Act
        Editor.Set("enabled", "true", path: true);

        // Assert
        Assert.Equal(ConfigValue.String("true"), _file.GetValue(ConfigKey.Parse("myproj:enabled")));
    }

    [Fact]
    public void Set_PathSecret_PutsSecureLeafAndMarksWholeValueSecret()
    {
        // Act
        Editor.Set("db.password", "s3cr3t", secret: true, path: true);

        // Assert
        var db = _file.GetValue(ConfigKey.Parse("myproj:db"))!;
        Assert.Equal(ConfigValueKind.Secure, db.GetMember("password")?.Kind);
        Assert.True(db.ContainsSecret);
        var entry = Editor.Get("db");
        Assert.True(entry?.IsSecret);
        Assert.Null(entry?.Text);
        Assert.Equal("{\"password\":\"s3cr3t\"}", Editor.Get("db", decrypt: true)?.Text);
    }

    [Fact]
    public void Set_PathQuotedSegments_UsesDottedNames()
    {
        // Act
        Editor.Set("[\"dotted.key\"][\"nested.key\"]", "v", path: true);

        // Assert
        var value = _file.GetValue(ConfigKey.Parse("myproj:dotted.key"))!;
        Assert.Equal("v", value.GetMember("nested.key")?.ScalarText);
    }

    [Fact]
    public void Set_PathIndexEqualToLength_Appends()
    {
        // Arrange
        Editor.Set("names[0]", "a", path: true);

        // Act
        Editor.Set("names[1]", "b", path: true);
        Editor.Set("names[0]", "z", path: true);

        // Assert
        Assert.Equal("[\"z\",\"b\"]", Editor.Get("names")?.Text);
    }

    [Fact]
    public void Set_PathIndexPastEnd_ThrowsOutOfRange()
    {
        // Arrange
        Editor.Set("names[0]", "a", path: true);

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => Editor.Set("names[5]", "b", path: true));

        // Assert
        Assert.Equal("config path 'names[5]': array index out of range (was 5, the array has 1 item(s))", exception.Message);
    }

    [Fact]
    public void Set_PathThroughScalarInMiddle_ThrowsExpectedMap()
    {
        // Arrange
        Editor.Set("outer.inner", "x", path: true);

        // Act
        var map = Assert.Throws<InvalidOperationException>(() => Editor.Set("outer.inner.deep", "y", path: true));
        var array = Assert.Throws<InvalidOperationException>(() => Editor.Set("outer.inner[0]", "y", path: true));

        // Assert
        Assert.Equal("config path 'outer.inner.deep': expected a map at 'deep' (was a string)", map.Message);
        Assert.Equal("config path 'outer.inner[0]': expected an array at '[0]' (was a string)", array.Message);
    }

    [Fact]
    public void Set_PathIntoTopLevelScalar_ReplacesItSilently()
    {
        // Arrange
        Editor.Set("outer", "plain");

        // Act
        Editor.Set("outer.inner", "x", path: true);

        // Assert
        Assert.Equal("{\"inner\":\"x\"}", Editor.Get("outer")?.Text);
    }

    [Fact]
    public void Set_PathCreatingLoneSecureKey_IsRefused()
    {
        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => Editor.Set("token.secure", "v1:abc:def", path: true));

        // Assert
        Assert.Equal(
            "config path 'token.secure': the key 'secure' is reserved for encrypted values and cannot be the only key of a map set through a path",
            exception.Message);
        Assert.Empty(_file.Config);
    }

    [Fact]
    public void Set_InvalidKey_ThrowsFormatException()
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => Editor.Set("a:b:c", "x"));

        // Assert
        Assert.Equal("configuration keys should be of the form `<namespace>:<name>` (was 'a:b:c')", exception.Message);
    }

    [Fact]
    public void SetValue_TypedScalar_WritesUnquoted()
    {
        // Act
        Editor.SetValue("port", ConfigValue.Integer(8080));

        // Assert
        Assert.Contains("myproj:port: 8080\n", _file.ToYaml().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Secret_DecryptsOnlyWhenAsked()
    {
        // Arrange
        Editor.Set("dbPassword", "hunter2", secret: true);

        // Act
        var hidden = Editor.Get("dbPassword");
        var shown = Editor.Get("dbPassword", decrypt: true);

        // Assert
        Assert.True(hidden?.IsSecret);
        Assert.Null(hidden?.Text);
        Assert.Equal("hunter2", shown?.Text);
        Assert.Equal("myproj:dbPassword = [secret]", shown?.ToString());
    }

    [Fact]
    public void Get_PathIntoValue_ReturnsLeafOrNull()
    {
        // Arrange
        Editor.Set("servers[0].host", "a.lan", path: true);

        // Act
        var host = Editor.Get("servers[0].host", path: true);
        var missing = Editor.Get("servers[3].host", path: true);
        var absent = Editor.Get("nothing");

        // Assert
        Assert.Equal("a.lan", host?.Text);
        Assert.Equal("servers[0].host", host?.Path);
        Assert.Null(missing);
        Assert.Null(absent);
    }

    [Fact]
    public void Get_TamperedSecret_ThrowsNamingKey()
    {
        // Arrange
        _file.SetValue(ConfigKey.Parse("myproj:bad"), ConfigValue.Secure("v1:F+6ZduKKd8G0/V7L:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="));

        // Act
        var exception = Assert.Throws<SecretsException>(() => Editor.Get("bad", decrypt: true));

        // Assert
        Assert.Equal(
            "config key 'myproj:bad': failed to decrypt: the ciphertext does not match this stack's key (it was changed, or it was encrypted with a different passphrase)",
            exception.Message);
    }

    [Fact]
    public void Remove_TopLevelKey_RemovesIt()
    {
        // Arrange
        Editor.Set("a", "1");

        // Act
        var removed = Editor.Remove("a");
        var again = Editor.Remove("a");

        // Assert
        Assert.True(removed);
        Assert.False(again);
        Assert.Empty(_file.Config);
    }

    [Fact]
    public void Remove_PathLeaf_RemovesOnlyThatLeaf()
    {
        // Arrange
        Editor.Set("outer.inner", "x", path: true);
        Editor.Set("outer.keep", "y", path: true);
        Editor.Set("list[0]", "a", path: true);
        Editor.Set("list[1]", "b", path: true);

        // Act
        var removedLeaf = Editor.Remove("outer.inner", path: true);
        var removedItem = Editor.Remove("list[0]", path: true);
        var removedMissing = Editor.Remove("outer.nothing", path: true);

        // Assert
        Assert.True(removedLeaf);
        Assert.True(removedItem);
        Assert.False(removedMissing);
        Assert.Equal("{\"keep\":\"y\"}", Editor.Get("outer")?.Text);
        Assert.Equal("[\"b\"]", Editor.Get("list")?.Text);
    }

    [Fact]
    public void List_MixedValues_HidesSecretsUnlessDecrypting()
    {
        // Arrange
        Editor.Set("a", "1");
        Editor.Set("b", "two", secret: true);

        // Act
        var hidden = Editor.List();
        var shown = Editor.List(decrypt: true);

        // Assert
        Assert.Equal(["1", null], hidden.Select(entry => entry.Text));
        Assert.Equal(["1", "two"], shown.Select(entry => entry.Text));
    }
}
