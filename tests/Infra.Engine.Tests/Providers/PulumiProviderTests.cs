using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Protocol.Values;
using Moq;

namespace Infra.Engine.Tests.Providers;

public sealed class PulumiProviderTests
{
    private static readonly string Urn = ResourceUrn.Create("dev", "proj", null, PulumiProvider.StackReferenceType, "infra");

    [Fact]
    public async Task ReadAsync_ExistingStack_ReturnsOutputsAndSecretNames()
    {
        // Arrange
        var outputs = PropertyMaps.Create(
        [
            KeyValuePair.Create("endpoint", PropertyValue.Create("https://k8s")),
            KeyValuePair.Create("token", PropertyValue.CreateSecret(PropertyValue.Create("t0k3n"))),
        ]);
        var reader = new Mock<IStackReferenceReader>();
        reader.Setup(r => r.ReadOutputsAsync("org/infra/prod", It.IsAny<CancellationToken>())).ReturnsAsync(outputs);
        var provider = new PulumiProvider(reader.Object);

        // Act
        var result = await provider.ReadAsync(new ReadRequest { Urn = Urn, Id = "org/infra/prod" }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PropertyValue.CreateObject(outputs), result.Outputs!["outputs"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("token")]), result.Outputs["secretOutputNames"]);
        Assert.Equal(PropertyValue.Create("org/infra/prod"), result.Outputs["name"]);
    }

    [Fact]
    public async Task ReadAsync_MissingStack_Gone()
    {
        // Arrange
        var reader = new Mock<IStackReferenceReader>();
        reader.Setup(r => r.ReadOutputsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ImmutableSortedDictionary<string, PropertyValue>?)null);
        var provider = new PulumiProvider(reader.Object);

        // Act
        var result = await provider.ReadAsync(new ReadRequest { Urn = Urn, Id = "nope" }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(result.Outputs);
    }
}
