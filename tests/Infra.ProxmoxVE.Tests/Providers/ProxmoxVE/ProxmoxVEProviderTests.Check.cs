using Infra.Engine.Providers;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Protocol.Values;
using static Infra.ProxmoxVE.Tests.Providers.ProxmoxVE.PveHarness;

namespace Infra.ProxmoxVE.Tests.Providers.ProxmoxVE;

public sealed partial class ProxmoxVEProviderTests
{
    [Fact]
    public async Task Check_TokenInWrongShape_FailsNamingApiTokenWithoutTheSecret()
    {
        // Arrange
        await using var pve = await StartAsync(config: server => Map(("endpoint", S(server.Endpoint.ToString())), ("apiToken", PropertyValue.CreateSecret(S("root@pam:token:s3cr3t-value")))));

        // Act
        var result = await pve.CheckAsync(VmType, CloneInputs("web"));

        // Assert
        var failure = Assert.Single(result.Failures);
        Assert.Equal("apiToken", failure.Property);
        Assert.Equal("the proxmoxve provider's apiToken must have the shape USER@REALM!TOKENID=UUID (the value is secret and not shown)", failure.Reason);
        Assert.DoesNotContain("s3cr3t", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(pve.Double.Requests);
    }

    [Fact]
    public async Task Check_BadValues_FailNamingFieldRuleAndValue()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = CloneInputs("web")
            .SetItem("networkDevices", Arr(Obj(("bridge", S("vmbr0")), ("vlanId", N(4095)))))
            .SetItem("disks", Arr(Obj(("interface", S("scsi0")), ("size", N(20))), Obj(("interface", S("scsi0")), ("size", N(0)))))
            .SetItem("agent", Obj(("enabled", PropertyValue.True), ("timeout", S("soon"))));

        // Act
        var result = await pve.CheckAsync(VmType, inputs);

        // Assert
        Assert.Equal(
            [
                new CheckFailure("disks[1].interface", "must be unique among the disks (was 'scsi0')"),
                new CheckFailure("disks[1].size", "must be at least 1 (was 0)"),
                new CheckFailure("networkDevices[0].vlanId", "must be between 1 and 4094 (was 4095)"),
                new CheckFailure("agent.timeout", "must be a duration such as 15m, 90s or 1h30m (was 'soon')"),
            ],
            result.Failures);
    }

    [Fact]
    public async Task Check_DiskShrink_FailsWithOldAndNewSize()
    {
        // Arrange
        await using var pve = await StartAsync();

        // Act
        var result = await pve.CheckAsync(VmType, CloneInputs("web", diskGb: 10), olds: CloneInputs("web", diskGb: 32));

        // Assert
        var failure = Assert.Single(result.Failures);
        Assert.Equal("disks[0].size", failure.Property);
        Assert.Equal("cannot shrink disk scsi0 from 32 GB to 10 GB: Proxmox VE can only grow disks (was 10)", failure.Reason);
    }

    [Fact]
    public async Task Check_UnknownBridge_FailsListingTheNodesBridges()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = CloneInputs("web").SetItem("networkDevices", Arr(Obj(("bridge", S("vmbr9")))));

        // Act
        var result = await pve.CheckAsync(VmType, inputs);

        // Assert
        Assert.Equal([new CheckFailure("networkDevices[0].bridge", "must be a bridge of node 'pve' (vmbr0, vmbr1) (was 'vmbr9')")], result.Failures);
    }

    [Fact]
    public async Task Check_UnsortedTags_AreSortedAndDeduplicated()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = CloneInputs("web").SetItem("tags", Arr(S("web"), S("prod"), S("web")));

        // Act
        var result = await pve.CheckAsync(VmType, inputs);

        // Assert
        Assert.Empty(result.Failures);
        Assert.Equal(Arr(S("prod"), S("web")), result.Inputs["tags"]);
    }

    [Fact]
    public async Task Check_SnippetWithoutSsh_SurfacesTheSshRequirement()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = Map(("nodeName", S("pve")), ("datastoreId", S("local")), ("sourceRaw", Obj(("data", S("#cloud-config")), ("fileName", S("user.yaml")))));

        // Act
        var result = await pve.CheckAsync(StorageFileType, inputs);

        // Assert
        Assert.Equal(
            [new CheckFailure("contentType", "uploading snippets and backups needs SSH access to the node: configure the provider's ssh block (username plus privateKey, password or agent) (was 'snippets')")],
            result.Failures);
    }

    [Fact]
    public async Task Preview_UnknownProviderConfig_ContactsNothingAndLeavesVmIdUnknown()
    {
        // Arrange
        await using var pve = await StartAsync(config: _ => Map(("endpoint", PropertyValue.Unknown), ("apiToken", PropertyValue.Unknown)));

        // Act
        var check = await pve.CheckAsync(VmType, CloneInputs("web"));
        var created = await pve.CreateAsync(VmType, check.Inputs, preview: true);

        // Assert
        Assert.Empty(check.Failures);
        Assert.Null(created.Id);
        Assert.Equal(PropertyValue.Unknown, created.Outputs["vmId"]);
        Assert.Equal(PropertyValue.Unknown, created.Outputs["ipv4Addresses"]);
        Assert.Equal(S("web"), created.Outputs["name"]);
        Assert.Empty(pve.Double.Requests);
    }

    [Fact]
    public async Task Create_UnknownProviderConfigOutsidePreview_FailsClearly()
    {
        // Arrange
        await using var pve = await StartAsync(config: _ => Map(("endpoint", PropertyValue.Unknown)));

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pve.CreateAsync(VmType, CloneInputs("web")));

        // Assert
        Assert.Equal("Cannot create a VM: the proxmoxve provider configuration is not known yet (it depends on resources that do not exist).", error.Message);
    }

    [Fact]
    public void Factory_OtherMajorVersion_IsRejected()
    {
        // Arrange
        var provider = new ProxmoxVEProvider(TimeProvider.System);

        // Act
        var error = Assert.Throws<NotSupportedException>(() => provider.Factory("proxmoxve", "7.13.0"));

        // Assert
        Assert.Equal("The built-in proxmoxve provider implements version 8.x (tokens such as proxmoxve:index/vmLegacy:VmLegacy); version 7.13.0 was requested.", error.Message);
    }

    [Fact]
    public async Task Diff_ReplacementRules_FollowTheSchema()
    {
        // Arrange
        await using var pve = await StartAsync();
        var old = CloneInputs("web", vmId: 150);
        DiffResult DiffOf(System.Collections.Immutable.ImmutableSortedDictionary<string, PropertyValue> news) =>
            pve.Provider.DiffAsync(new DiffRequest { Urn = Urn(VmType, "web"), Id = "150", OldInputs = old, OldOutputs = old, NewInputs = news }).Result;

        // Act
        var cloneChanged = DiffOf(old.SetItem("clone", Obj(("vmId", N(9001)))));
        var dhcp = Arr(Obj(("ipv4", Obj(("address", S("dhcp"))))));
        var ipChanged = DiffOf(old.SetItem("initialization", Obj(("ipConfigs", dhcp), ("userAccount", old["initialization"].ObjectValue["userAccount"]))));
        var snippetChanged = DiffOf(old.SetItem("initialization", Obj(("userDataFileId", S("local:snippets/u.yaml")))));
        var nodeMigrated = DiffOf(old.SetItem("nodeName", S("pve2")).SetItem("migrate", PropertyValue.True));
        var nodeMoved = DiffOf(old.SetItem("nodeName", S("pve2")));
        var unchanged = DiffOf(old);

        // Assert
        Assert.Equal(["clone"], cloneChanged.ReplaceKeys);
        Assert.True(cloneChanged.DeleteBeforeReplace);
        Assert.Empty(ipChanged.ReplaceKeys);
        Assert.Equal(["initialization"], ipChanged.ChangedKeys);
        Assert.Equal(["initialization"], snippetChanged.ReplaceKeys);
        Assert.Empty(nodeMigrated.ReplaceKeys);
        Assert.Equal(["nodeName"], nodeMoved.ReplaceKeys);
        Assert.Equal(DiffChanges.None, unchanged.Changes);
    }
}
