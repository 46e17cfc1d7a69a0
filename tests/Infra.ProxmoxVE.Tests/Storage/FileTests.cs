using Infra.Protocol.Values;
using Infra.ProxmoxVE.Storage;
using Infra.Testing;

namespace Infra.ProxmoxVE.Tests.Storage;

public sealed class FileTests
{
    [Fact]
    public async Task Constructor_Snippet_RegistersLegacyTokenAndSourceRaw()
    {
        // Arrange
        static void Program() => _ = new Infra.ProxmoxVE.Storage.File("user-data", new FileArgs
        {
            NodeName = "pve",
            DatastoreId = "local",
            ContentType = StorageContentType.Snippets,
            SourceRaw = new FileSourceRawArgs { Data = "#cloud-config\n", FileName = "web-1.yaml" },
        });

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, Program);

        // Assert
        var registration = result.RegistrationOf("proxmoxve:index/fileLegacy:FileLegacy", "user-data");
        Assert.Equal(PropertyValue.Create("snippets"), registration.Inputs["contentType"]);
        Assert.Equal(PropertyValue.Create("web-1.yaml"), registration.Inputs["sourceRaw"].ObjectValue["fileName"]);
    }

    [Fact]
    public void Constructor_NoSource_ThrowsNamingTheRule()
    {
        // Arrange
        var args = new FileArgs { NodeName = "pve", DatastoreId = "local", FileMode = "999" };

        // Act
        var error = Assert.Throws<ProxmoxVEValidationException>(() => new Infra.ProxmoxVE.Storage.File("f", args));

        // Assert
        Assert.Equal(
            ["FileArgs.SourceRaw: exactly one of SourceRaw and SourceFile must be set (was 'neither set')", "FileArgs.FileMode: must be an octal mode such as 0644 (was '999')"],
            error.Problems);
    }
}
