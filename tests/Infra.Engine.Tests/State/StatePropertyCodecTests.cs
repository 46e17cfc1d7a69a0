using System.Text.Json;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.State;

public sealed class StatePropertyCodecTests
{
    private const string Sig = WireConstants.SignatureKey;

    private static string Write(PropertyValue value, StatePropertyCodec codec)
    {
        using var writer = new StateJsonWriter();
        codec.WriteValue(writer, value);
        return writer.ToUtf8String();
    }

    private static PropertyValue Read(string json, StatePropertyCodec codec)
    {
        using var document = JsonDocument.Parse(json);
        return codec.ReadValue(document.RootElement, "inputs.x");
    }

    [Fact]
    public void WriteValue_SecretString_EncryptsJsonTextWithQuotes()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var codec = new StatePropertyCodec(crypter);

        // Act
        var json = Write(PropertyValue.CreateSecret(PropertyValue.Create("abc")), codec);

        // Assert
        var expectedCiphertext = crypter.Encrypt("\"abc\"");
        Assert.Equal($"{{\"{Sig}\":\"{WireConstants.SecretSignature}\",\"ciphertext\":\"{expectedCiphertext}\"}}", json);
        Assert.DoesNotContain("abc", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteValue_ShowSecrets_WritesPlaintextJsonText()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null, showSecrets: true);
        var secret = PropertyValue.CreateSecret(PropertyValue.CreateObject([KeyValuePair.Create("b", PropertyValue.Create(1)), KeyValuePair.Create("a", PropertyValue.Create("<x>"))]));

        // Act
        var json = Write(secret, codec);

        // Assert
        Assert.Equal($"{{\"{Sig}\":\"{WireConstants.SecretSignature}\",\"plaintext\":\"{{\\\"a\\\":\\\"\\\\u003cx\\\\u003e\\\",\\\"b\\\":1}}\"}}", json);
    }

    [Fact]
    public void WriteValue_SecretWithoutCrypter_ThrowsAndNeverWritesPlaintext()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);
        using var writer = new StateJsonWriter();

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => codec.WriteValue(writer, PropertyValue.CreateSecret(PropertyValue.Create("hunter2"))));

        // Assert
        Assert.Contains("no secrets manager", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", writer.ToUtf8String(), StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_EveryKind_ReadsBackEqual()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var codec = new StatePropertyCodec(crypter);
        var value = PropertyValue.CreateObject(
        [
            KeyValuePair.Create("bool", PropertyValue.True),
            KeyValuePair.Create("number", PropertyValue.Create(2.5)),
            KeyValuePair.Create("string", PropertyValue.Create("s")),
            KeyValuePair.Create("array", PropertyValue.CreateArray([PropertyValue.Null, PropertyValue.Create(1)])),
            KeyValuePair.Create("unknown", PropertyValue.Unknown),
            KeyValuePair.Create("secret", PropertyValue.CreateSecret(PropertyValue.CreateObject(
            [
                KeyValuePair.Create("inner", PropertyValue.CreateSecret(PropertyValue.Create("nested"))),
                KeyValuePair.Create("n", PropertyValue.Create(7)),
            ]))),
            KeyValuePair.Create("asset", PropertyValue.CreateAsset(new AssetValue(Text: "hello", Hash: "abc"))),
            KeyValuePair.Create("archive", PropertyValue.CreateArchive(new ArchiveValue(
                Assets: StateTestData.Map(("file.txt", PropertyValue.CreateAsset(new AssetValue(Path: "file.txt")))),
                Hash: "def"))),
            KeyValuePair.Create("ref", PropertyValue.CreateResourceReference(new ResourceReferenceValue(StateTestData.CommandUrn, "id-1", "1.2.3"))),
            KeyValuePair.Create("component", PropertyValue.CreateResourceReference(new ResourceReferenceValue(StateTestData.StackUrn))),
        ]);

        // Act
        var json = Write(value, codec);
        var read = Read(json, codec);

        // Assert
        Assert.Equal(value, read);
        Assert.DoesNotContain("nested", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteValue_SpecialObjects_UseSortedKeysWithSignatureFirst()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);

        // Act
        var asset = Write(PropertyValue.CreateAsset(new AssetValue(Text: "t", Hash: "h")), codec);
        var reference = Write(PropertyValue.CreateResourceReference(new ResourceReferenceValue("urn:x", "i")), codec);
        var unknown = Write(PropertyValue.CreateUnknown(UnknownKind.Number), codec);

        // Assert
        Assert.Equal($"{{\"{Sig}\":\"{WireConstants.AssetSignature}\",\"hash\":\"h\",\"text\":\"t\"}}", asset);
        Assert.Equal($"{{\"{Sig}\":\"{WireConstants.ResourceReferenceSignature}\",\"id\":\"i\",\"packageVersion\":\"\",\"urn\":\"urn:x\"}}", reference);
        Assert.Equal($"\"{WireConstants.UnknownStringSentinel}\"", unknown);
    }

    [Fact]
    public void WriteMap_NullMembers_AreOmitted()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);
        using var writer = new StateJsonWriter();

        // Act
        codec.WriteMap(writer, StateTestData.Map(("a", PropertyValue.Null), ("b", PropertyValue.Create("x"))));

        // Assert
        Assert.Equal("{\"b\":\"x\"}", writer.ToUtf8String());
    }

    [Fact]
    public void WriteValue_SecretOutputValue_WritesSecret()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var codec = new StatePropertyCodec(crypter);
        var output = PropertyValue.CreateOutput(new OutputPropertyValue(PropertyValue.Create("pw"), IsSecret: true, [StateTestData.CommandUrn]));

        // Act
        var read = Read(Write(output, codec), codec);

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("pw")), read);
    }

    [Fact]
    public void ReadValue_PlaintextSecret_ReadsWithoutCrypter()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);
        var json = $"{{\"{Sig}\":\"{WireConstants.SecretSignature}\",\"plaintext\":\"\\\"abc\\\"\"}}";

        // Act
        var value = Read(json, codec);

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("abc")), value);
    }

    [Fact]
    public void ReadValue_B64ProviderVector_DecodesQuotedString()
    {
        // Arrange: the b64 example of pulumi-formats.md §3.5.
        var codec = new StatePropertyCodec(new Base64Crypter());
        var json = $"{{\"{Sig}\":\"{WireConstants.SecretSignature}\",\"ciphertext\":\"IkFST0FKQlFBTlBGRVhGVzJTRVZKTSI=\"}}";

        // Act
        var value = Read(json, codec);

        // Assert
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("AROAJBQANPFEXFW2SEVJM")), value);
    }

    [Fact]
    public void ReadValue_CiphertextWithoutCrypter_ThrowsMissingSecretsManager()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);
        var json = $"{{\"{Sig}\":\"{WireConstants.SecretSignature}\",\"ciphertext\":\"test:xx\"}}";

        // Act
        var exception = Assert.Throws<StateFormatException>(() => Read(json, codec));

        // Assert
        Assert.Equal("inputs.x: snapshot contains encrypted secrets but no secrets manager could be found.", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\"ciphertext\":\"a\",\"plaintext\":\"1\"")]
    public void ReadValue_SecretWithoutExactlyOnePayload_Throws(string members)
    {
        // Arrange
        var codec = new StatePropertyCodec(new TestSecretsCrypter());
        var json = $"{{\"{Sig}\":\"{WireConstants.SecretSignature}\"{members}}}";

        // Act
        var exception = Assert.Throws<StateFormatException>(() => Read(json, codec));

        // Assert
        Assert.Equal("inputs.x: malformed secret value: exactly one of `ciphertext` or `plaintext` must be supplied.", exception.Message);
    }

    [Fact]
    public void ReadValue_UnknownSignature_Throws()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);

        // Act
        var exception = Assert.Throws<StateFormatException>(() => Read($"{{\"{Sig}\":\"nope\"}}", codec));

        // Assert
        Assert.Equal("inputs.x: unrecognized signature 'nope' in property map.", exception.Message);
    }

    [Fact]
    public void ReadValue_AnyUnknownSentinel_ReadsAsUnknown()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);

        // Act
        var value = Read($"\"{WireConstants.UnknownArraySentinel}\"", codec);

        // Assert
        Assert.Equal(PropertyValue.CreateUnknown(UnknownKind.Array), value);
    }

    [Fact]
    public void WriteValue_UnchangedSecretInstance_ReusesCiphertext()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var codec = new StatePropertyCodec(crypter);
        var secret = PropertyValue.CreateSecret(PropertyValue.Create("same"));

        // Act
        var first = Write(secret, codec);
        var second = Write(secret, codec);

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(1, crypter.EncryptCount);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with \"quotes\" and \\ and \n")]
    [InlineData("")]
    public void RoundTrip_SecretStrings_ReadBackExactly(string text)
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var codec = new StatePropertyCodec(crypter);
        var secret = PropertyValue.CreateSecret(PropertyValue.Create(text));

        // Act
        var read = Read(Write(secret, codec), new StatePropertyCodec(new TestSecretsCrypter()));

        // Assert
        Assert.Equal(secret, read);
    }

    [Fact]
    public void ReadValue_MalformedSecretPayload_ThrowsWithoutRevealingIt()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var codec = new StatePropertyCodec(crypter);
        var json = $"{{\"{Sig}\":\"{WireConstants.SecretSignature}\",\"ciphertext\":\"{crypter.Encrypt("hunter2")}\"}}";

        // Act
        var exception = Assert.Throws<StateFormatException>(() => Read(json, codec));

        // Assert
        Assert.Equal("inputs.x: a secret's payload is not valid JSON.", exception.Message);
        Assert.Null(exception.InnerException);
    }

    private sealed class Base64Crypter : Infra.Engine.Secrets.ISecretsCrypter
    {
        public string Encrypt(string plaintext) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext));

        public string Decrypt(string ciphertext) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ciphertext));
    }
}
