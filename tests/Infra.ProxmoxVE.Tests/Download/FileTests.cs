using Infra.Protocol.Values;
using Infra.ProxmoxVE.Download;
using Infra.Testing;

namespace Infra.ProxmoxVE.Tests.Download;

public sealed class FileTests
{
    [Fact]
    public async Task Constructor_Args_RegistersTokenAndEnumWireValue()
    {
        // Arrange
        static void Program() => _ = new Infra.ProxmoxVE.Download.File("debian", new FileArgs
        {
            NodeName = "pve",
            DatastoreId = "local",
            Url = "https://cloud.debian.org/images/debian-12-generic-amd64.qcow2",
            ContentType = DownloadContentType.Import,
            ChecksumAlgorithm = "sha512",
            Checksum = "abc",
        });

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, Program);

        // Assert
        var registration = result.RegistrationOf("proxmoxve:download/file:File", "debian");
        Assert.Equal(PropertyValue.Create("import"), registration.Inputs["contentType"]);
        Assert.Equal(PropertyValue.Create("sha512"), registration.Inputs["checksumAlgorithm"]);
        Assert.Equal("8.0.0", registration.Options.Version);
    }

    [Fact]
    public void Constructor_InvalidArgs_ThrowsListingEveryProblem()
    {
        // Arrange
        var args = new FileArgs { NodeName = "pve", DatastoreId = "local", Url = "ftp://example.org/x.iso", ContentType = DownloadContentType.Iso, Checksum = "abc" };

        // Act
        var error = Assert.Throws<ProxmoxVEValidationException>(() => new Infra.ProxmoxVE.Download.File("iso", args));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "proxmoxve:download/file:File 'iso' has invalid arguments (2 problems):" + nl
            + "  FileArgs.Url: must be an http:// or https:// URL (was 'ftp://example.org/x.iso')" + nl
            + "  FileArgs.Checksum: Checksum and ChecksumAlgorithm must be set together (was 'set')",
            error.Message);
    }
}
