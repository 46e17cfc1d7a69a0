using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using Moq;
using CoreV1 = Infra.Kubernetes.Core.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class SecretTests
{
    [Fact]
    public async Task Constructor_DataAndStringData_AreSecretOnTheWire()
    {
        // Act
        var result = await TypedRun.RunAsync(() => _ = new CoreV1.Secret("creds", new()
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            Type = "kubernetes.io/basic-auth",
            Data = new() { ["username"] = "YWRtaW4=" },
            StringData = new() { ["password"] = "hunter2" },
            Immutable = true,
        }));

        // Assert
        var inputs = result.RegistrationOf(CoreV1.Secret.TypeToken, "creds").Inputs;
        Assert.Equal("{\"$secret\":{\"username\":\"YWRtaW4=\"}}", WireJson.Write(inputs["data"]));
        Assert.Equal("{\"$secret\":{\"password\":\"hunter2\"}}", WireJson.Write(inputs["stringData"]));
        Assert.Equal(PropertyValue.Create("kubernetes.io/basic-auth"), inputs["type"]);
        Assert.Equal(PropertyValue.True, inputs["immutable"]);
        Assert.Equal(PropertyValue.Create("v1"), inputs["apiVersion"]);
        Assert.Equal(PropertyValue.Create("Secret"), inputs["kind"]);
    }

    [Fact]
    public async Task Constructor_Always_MarksDataAndStringDataAsAdditionalSecretOutputs()
    {
        // Arrange
        var options = new CustomResourceOptions { AdditionalSecretOutputs = ["type"] };

        // Act
        var result = await TypedRun.RunAsync(() => _ = new CoreV1.Secret("creds", new() { StringData = new() { ["a"] = "b" } }, options));

        // Assert
        Assert.Equal(["type", "data", "stringData"], result.RegistrationOf(CoreV1.Secret.TypeToken, "creds").Options.AdditionalSecretOutputs);
        Assert.Equal(["type"], options.AdditionalSecretOutputs);
    }

    [Fact]
    public async Task Constructor_StringDataFromAnotherResource_StaysSecretAndRecordsTheDependency()
    {
        // Arrange
        CoreV1.ConfigMap? source = null;

        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            source = new CoreV1.ConfigMap("source", new() { Data = new() { ["token"] = "abc" } });
            _ = new CoreV1.Secret("creds", new() { StringData = source.Data });
        });

        // Assert
        var registration = result.RegistrationOf(CoreV1.Secret.TypeToken, "creds");
        Assert.Equal("{\"$secret\":{\"token\":\"abc\"}}", WireJson.Write(registration.Inputs["stringData"]));
        Assert.Equal([await source!.Urn.GetValueAsync()], registration.PropertyDependencies["stringData"]);
    }

    [Fact]
    public async Task Constructor_DataNotBase64_ThrowsWithoutShowingTheValueAndRegistersNothing()
    {
        // Arrange
        var mocks = TypedRun.EchoMocks();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TypedRun.RunAsync(mocks, () => _ = new CoreV1.Secret("creds", new()
        {
            Data = new() { ["password"] = "hunter2!", ["bad key"] = "YQ==" },
        })));

        // Assert
        Assert.Equal(
            "Invalid kubernetes:core/v1:Secret 'creds':" + Environment.NewLine
            + "  SecretArgs.Data[\"bad key\"]: keys must be at most 253 letters, digits, '-', '_' and '.' (was 'bad key')" + Environment.NewLine
            + "  SecretArgs.Data[\"password\"]: values must be base64-encoded (use StringData for plain text) (was [secret])",
            error.Message);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        mocks.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.Name == "creds")), Times.Never);
    }

    [Fact]
    public async Task Outputs_EchoedData_ResolveAsMaps()
    {
        // Arrange
        CoreV1.Secret? secret = null;

        // Act
        await TypedRun.RunAsync(() => secret = new CoreV1.Secret("creds", new() { Data = new() { ["a"] = "Yg==" }, Type = "Opaque" }));

        // Assert
        Assert.Equal("Yg==", (await secret!.Data.GetValueAsync())["a"]);
        Assert.Empty(await secret.StringData.GetValueAsync());
        Assert.Equal("Opaque", await secret.Type.GetValueAsync());
    }
}
