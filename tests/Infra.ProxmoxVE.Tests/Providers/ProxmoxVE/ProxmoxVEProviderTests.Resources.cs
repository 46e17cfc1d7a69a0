using Infra.Engine.Providers;
using Infra.Protocol.Values;
using static Infra.ProxmoxVE.Tests.Providers.ProxmoxVE.PveHarness;

namespace Infra.ProxmoxVE.Tests.Providers.ProxmoxVE;

public sealed partial class ProxmoxVEProviderTests
{
    private static readonly string TemplateVolume = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";

    [Fact]
    public async Task Container_CreateAndDelete_UsesLxcTasksAndReportsAddresses()
    {
        // Arrange
        await using var pve = await StartAsync();
        pve.Double.AddVolume("pve", "local", TemplateVolume, 120_000_000, "vztmpl");
        var inputs = Map(
            ("nodeName", S("pve")),
            ("operatingSystem", Obj(("templateFileId", S(TemplateVolume)), ("type", S("debian")))),
            ("initialization", Obj(
                ("hostname", S("dns")),
                ("ipConfigs", Arr(Obj(("ipv4", Obj(("address", S("10.0.30.3/24")), ("gateway", S("10.0.30.1"))))))),
                ("userAccount", Obj(("password", PropertyValue.CreateSecret(S("ct-pass"))))))),
            ("networkInterfaces", Arr(Obj(("name", S("eth0")), ("vlanId", N(30))))),
            ("disk", Obj(("datastoreId", S("local-lvm")), ("size", N(8)))),
            ("features", Obj(("nesting", PropertyValue.True))),
            ("tags", Arr(S("dns"))));

        // Act
        var check = await pve.CheckAsync(ContainerType, inputs);
        var created = await pve.CreateAsync(ContainerType, check.Inputs);
        var ct = pve.Double.Guests[100];
        await pve.Provider.DeleteAsync(new DeleteRequest { Urn = Urn(ContainerType, "r"), Id = created.Id!, Inputs = inputs, Outputs = created.Outputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(check.Failures);
        Assert.Equal("lxc", ct.Kind);
        Assert.True(ct.Running);
        Assert.Equal("local-lvm:subvol-100-disk-0,size=8G", ct.Config["rootfs"]);
        Assert.StartsWith("name=eth0,bridge=vmbr0,tag=30,ip=10.0.30.3/24,gw=10.0.30.1,hwaddr=", ct.Config["net0"], StringComparison.Ordinal);
        Assert.Equal("nesting=1", ct.Config["features"]);
        Assert.Equal(Obj(("eth0", S("10.0.30.3"))), created.Outputs["ipv4"]);
        Assert.DoesNotContain(100, pve.Double.Guests.Keys);
        Assert.Contains(pve.Double.Tasks, t => t.Type == "vzdestroy" && t.ExitStatus == "OK");
    }

    [Fact]
    public async Task Container_CheckBadVlanAndUnknownBridge_FailsNamingFields()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = Map(
            ("nodeName", S("pve")),
            ("operatingSystem", Obj(("templateFileId", S(TemplateVolume)))),
            ("networkInterfaces", Arr(Obj(("name", S("eth0")), ("bridge", S("vmbr7")), ("vlanId", N(0))))));

        // Act
        var result = await pve.CheckAsync(ContainerType, inputs);

        // Assert
        Assert.Equal(
            [
                new CheckFailure("networkInterfaces[0].vlanId", "must be between 1 and 4094 (was 0)"),
                new CheckFailure("networkInterfaces[0].bridge", "must be a bridge of node 'pve' (vmbr0, vmbr1) (was 'vmbr7')"),
            ],
            result.Failures);
    }

    [Fact]
    public async Task DownloadFile_CreateReadDelete_UsesDownloadUrlAndContentListing()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = Map(
            ("nodeName", S("pve")),
            ("datastoreId", S("local")),
            ("contentType", S("iso")),
            ("url", S("https://releases.example.org/debian-12.7.0-amd64-netinst.iso")),
            ("checksum", S("deadbeef")),
            ("checksumAlgorithm", S("sha256")));

        // Act
        var created = await pve.CreateAsync(DownloadType, inputs);
        var read = await pve.Provider.ReadAsync(new ReadRequest { Urn = Urn(DownloadType, "r"), Id = created.Id!, Inputs = inputs, State = created.Outputs }, TestContext.Current.CancellationToken);
        await pve.Provider.DeleteAsync(new DeleteRequest { Urn = Urn(DownloadType, "r"), Id = created.Id!, Inputs = inputs, Outputs = created.Outputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("local:iso/debian-12.7.0-amd64-netinst.iso", created.Id);
        Assert.Equal(S("debian-12.7.0-amd64-netinst.iso"), created.Outputs["fileName"]);
        Assert.Equal(PropertyValueKind.Number, created.Outputs["size"].Kind);
        Assert.NotNull(read.Outputs);
        Assert.Empty(pve.Double.VolumesOf("pve", "local"));
        var post = Assert.Single(pve.Double.Requests, r => r.Method == "POST");
        Assert.Equal("sha256", post.Parameters["checksum-algorithm"]);
        Assert.Equal("1", post.Parameters["verify-certificates"]);
    }

    [Fact]
    public async Task DownloadFile_Check_RejectsBadUrlAndHalfAChecksum()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = Map(("nodeName", S("pve")), ("datastoreId", S("local")), ("contentType", S("rpm")), ("url", S("ftp://x/y.iso")), ("checksum", S("abc")));

        // Act
        var result = await pve.CheckAsync(DownloadType, inputs);

        // Assert
        Assert.Equal(
            [
                new CheckFailure("url", "must be an http:// or https:// URL (was 'ftp://x/y.iso')"),
                new CheckFailure("contentType", "must be one of iso, import, vztmpl (was 'rpm')"),
                new CheckFailure("checksumAlgorithm", "checksum and checksumAlgorithm must be set together"),
            ],
            result.Failures);
    }
}
