using Infra.Engine.Providers;
using Infra.Protocol;

namespace Infra.Engine.Tests.Providers;

public sealed class ProviderReferenceTests
{
    private const string ProviderUrn = "urn:pulumi:dev::proj::pulumi:providers:kubernetes::k8s";

    [Fact]
    public void Parse_Reference_SplitsAtLastSeparator()
    {
        // Act
        var reference = ProviderReference.Parse(ProviderUrn + "::abc-123");

        // Assert
        Assert.Equal(ProviderUrn, reference.Urn);
        Assert.Equal("abc-123", reference.Id);
        Assert.Equal("kubernetes", reference.Package);
        Assert.False(reference.IsIdUnknown);
    }

    [Fact]
    public void Parse_NotAProviderUrn_ThrowsNamingTheReference()
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => ProviderReference.Parse("urn:pulumi:dev::proj::test:index:Resource::r::id"));

        // Assert
        Assert.Equal(
            "Provider reference 'urn:pulumi:dev::proj::test:index:Resource::r::id' is malformed: 'urn:pulumi:dev::proj::test:index:Resource::r' " +
            "is not the URN of a provider resource (type 'pulumi:providers:<package>').",
            ex.Message);
    }

    [Fact]
    public void ToString_EmptyId_UsesUnknownSentinel()
    {
        // Act
        var text = new ProviderReference(ProviderUrn, string.Empty).ToString();

        // Assert
        Assert.Equal(ProviderUrn + "::" + WireConstants.UnknownStringSentinel, text);
    }
}
