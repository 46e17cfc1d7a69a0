using Infra.Protocol.Values;
using Infra.Testing;
using Moq;
using CoreV1 = Infra.Kubernetes.Core.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class ConfigMapTests
{
    [Fact]
    public async Task Constructor_DataBinaryDataImmutable_SentAsPlainValues()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new CoreV1.ConfigMap("settings", new()
        {
            Data = new() { ["app.properties"] = "a=1\nb=2" },
            BinaryData = new() { ["logo.png"] = "iVBORw0KGgo=" },
            Immutable = false,
        }));

        // Assert
        var inputs = result.RegistrationOf(CoreV1.ConfigMap.TypeToken, "settings").Inputs;
        Assert.Equal("{\"app.properties\":\"a=1\\nb=2\"}", WireJson.Write(inputs["data"]));
        Assert.Equal("{\"logo.png\":\"iVBORw0KGgo=\"}", WireJson.Write(inputs["binaryData"]));
        Assert.Equal(PropertyValue.False, inputs["immutable"]);
        Assert.False(inputs.ContainsKey("metadata"));
    }

    [Fact]
    public async Task Constructor_EntryFromAnotherResource_FlowsThroughWithItsDependency()
    {
        // Arrange
        CoreV1.Secret? secret = null;

        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            secret = new CoreV1.Secret("creds", new() { Type = "Opaque" });
            _ = new CoreV1.ConfigMap("settings", new() { Data = new() { ["secretType"] = secret.Type.Apply(t => t ?? "none"), ["fixed"] = "x" } });
        });

        // Assert
        var registration = result.RegistrationOf(CoreV1.ConfigMap.TypeToken, "settings");
        Assert.Equal("{\"fixed\":\"x\",\"secretType\":\"Opaque\"}", WireJson.Write(registration.Inputs["data"]));
        Assert.Equal([await secret!.Urn.GetValueAsync()], registration.PropertyDependencies["data"]);
    }

    [Fact]
    public async Task Constructor_BadKeysAndDuplicates_ThrowsListingEveryProblem()
    {
        // Arrange
        var mocks = TypedRun.EchoMocks();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(mocks, () => _ = new CoreV1.ConfigMap("settings", new()
        {
            Data = new() { ["a/b"] = "x", ["same"] = "y" },
            BinaryData = new() { ["same"] = "eQ==", ["raw"] = "not base64!" },
        })));

        // Assert
        Assert.Equal(
            "Invalid kubernetes:core/v1:ConfigMap 'settings':" + Environment.NewLine
            + "  ConfigMapArgs.Data[\"a/b\"]: keys must be at most 253 letters, digits, '-', '_' and '.' (was 'a/b')" + Environment.NewLine
            + "  ConfigMapArgs.BinaryData[\"raw\"]: values must be base64-encoded (was 'not base64!')" + Environment.NewLine
            + "  ConfigMapArgs.BinaryData[\"same\"]: a key must not be in both Data and BinaryData (was 'same')",
            error.Message);
        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
    }

    [Fact]
    public async Task Outputs_EchoedData_ResolveAsMapAndFlag()
    {
        // Arrange
        CoreV1.ConfigMap? config = null;

        // Act
        await TypedRun.RunAsync(() => config = new CoreV1.ConfigMap("settings", new() { Data = new() { ["k"] = "v" }, Immutable = true }));

        // Assert
        Assert.Equal("v", (await config!.Data.GetValueAsync())["k"]);
        Assert.Empty(await config.BinaryData.GetValueAsync());
        Assert.True(await config.Immutable.GetValueAsync());
    }
}
