using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.State;

public sealed class ResourceJsonCacheTests
{
    [Fact]
    public void WriteResource_SameInstanceTwice_WritesTheSameBytesAsTheUncachedWriter()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var resource = StateTestData.Command() with { Outputs = StateTestData.Map(("token", PropertyValue.CreateSecret(PropertyValue.Create("s3cret")))) };
        var codec = new StatePropertyCodec(crypter);
        using var expected = new StateJsonWriter();
        expected.WriteStartArray();
        DeploymentJson.WriteResource(expected, resource, codec);
        DeploymentJson.WriteResource(expected, resource, codec);
        expected.WriteEndArray();
        using var cached = new StateJsonWriter();

        // Act
        cached.WriteStartArray();
        ResourceJsonCache.WriteResource(cached, resource, codec);
        var encryptionsAfterFirst = crypter.EncryptCount;
        ResourceJsonCache.WriteResource(cached, resource, codec);
        cached.WriteEndArray();

        // Assert
        Assert.Equal(expected.ToUtf8String(), cached.ToUtf8String());
        Assert.Equal(encryptionsAfterFirst, crypter.EncryptCount);
        Assert.DoesNotContain("s3cret", cached.ToUtf8String(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteResource_ChangedResource_WritesTheNewValues()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);
        var original = StateTestData.Command();
        using (var first = new StateJsonWriter())
        {
            ResourceJsonCache.WriteResource(first, original, codec);
        }

        var changed = original with { Id = "changed-id" };
        using var writer = new StateJsonWriter();

        // Act
        ResourceJsonCache.WriteResource(writer, changed, codec);

        // Assert
        Assert.Contains("\"id\":\"changed-id\"", writer.ToUtf8String(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteResource_ShowSecretsAfterACachedEncryptedWrite_WritesPlaintext()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var resource = StateTestData.Command() with { Outputs = StateTestData.Map(("token", PropertyValue.CreateSecret(PropertyValue.Create("s3cret")))) };
        using (var encrypted = new StateJsonWriter())
        {
            ResourceJsonCache.WriteResource(encrypted, resource, new StatePropertyCodec(crypter));
        }

        using var writer = new StateJsonWriter();

        // Act
        ResourceJsonCache.WriteResource(writer, resource, new StatePropertyCodec(crypter, showSecrets: true));

        // Assert
        Assert.Contains("s3cret", writer.ToUtf8String(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteResource_IndentedWriter_WritesIndentedJson()
    {
        // Arrange
        var codec = new StatePropertyCodec(crypter: null);
        var resource = StateTestData.Command();
        using (var compact = new StateJsonWriter())
        {
            ResourceJsonCache.WriteResource(compact, resource, codec);
        }

        using var writer = new StateJsonWriter(indentSize: 4);

        // Act
        ResourceJsonCache.WriteResource(writer, resource, codec);

        // Assert
        Assert.Contains("\n    \"urn\": ", writer.ToUtf8String(), StringComparison.Ordinal);
    }
}
