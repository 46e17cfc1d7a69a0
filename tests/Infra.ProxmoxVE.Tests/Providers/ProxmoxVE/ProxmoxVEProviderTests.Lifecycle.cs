using Infra.Engine.Providers;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Protocol.Values;
using Infra.TestDoubles.ProxmoxVE;
using static Infra.ProxmoxVE.Tests.Providers.ProxmoxVE.PveHarness;

namespace Infra.ProxmoxVE.Tests.Providers.ProxmoxVE;

public sealed partial class ProxmoxVEProviderTests
{
    [Fact]
    public async Task Create_WithoutClone_CreatesEmptyVmWithDisksThroughTheCreateTask()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = Map(
            ("nodeName", S("pve")),
            ("name", S("blank")),
            ("disks", Arr(Obj(("interface", S("virtio0")), ("size", N(16)), ("ssd", PropertyValue.True)))),
            ("networkDevices", Arr(Obj(("model", S("e1000"))))),
            ("started", PropertyValue.False));

        // Act
        var result = await pve.CreateAsync(VmType, inputs);

        // Assert
        var vm = pve.Double.Guests[int.Parse(result.Id!, System.Globalization.CultureInfo.InvariantCulture)];
        Assert.False(vm.Running);
        Assert.Equal("local-lvm:vm-100-disk-0,size=16G,ssd=1", vm.Config["virtio0"]);
        Assert.StartsWith("e1000=", vm.Config["net0"], StringComparison.Ordinal);
        Assert.Contains(pve.Double.Tasks, t => t.Type == "qmcreate" && t.ExitStatus == "OK");
        Assert.DoesNotContain(pve.Double.Tasks, t => t.Type == "qmstart");
    }

    [Fact]
    public async Task Create_FailingStartTask_SurfacesExitStatusAndRemovesTheVm()
    {
        // Arrange
        await using var pve = await StartAsync();
        pve.Double.FailNextTask("qmstart", "start failed: QEMU exited with code 1");

        // Act
        var error = await Assert.ThrowsAsync<ProxmoxApiException>(() => pve.CreateAsync(VmType, CloneInputs("web")));

        // Assert
        Assert.StartsWith("Creating VM 100 on node 'pve' failed (the VM was removed again): Starting VM 100 failed: task UPID:pve:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("ended with 'start failed: QEMU exited with code 1'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(100, pve.Double.Guests.Keys);
    }

    [Fact]
    public async Task Create_SlowTaskBeyondTimeout_FailsNamingTheTimeout()
    {
        // Arrange
        await using var pve = await StartAsync();
        pve.Double.SetTaskDuration("qmclone", TimeSpan.FromSeconds(30));
        var inputs = CloneInputs("web").SetItem("timeoutClone", N(1));

        // Act
        var error = await Assert.ThrowsAsync<ProxmoxApiException>(() => pve.CreateAsync(VmType, inputs));

        // Assert
        Assert.Matches(@"^Cloning VM 9000 to 100 did not finish within 1s \(task UPID:pve:[^ ]+ is still running\); raise the resource's timeout if the cluster is slow\.$", error.Message);
    }

    [Fact]
    public async Task Create_AgentRunning_ReportsAddressesPerInterface()
    {
        // Arrange
        await using var pve = await StartAsync(new ProxmoxVEDoubleOptions { CloneDuration = TimeSpan.FromMilliseconds(5), TaskDuration = TimeSpan.FromMilliseconds(1), GuestAgentStartDelay = TimeSpan.FromMilliseconds(30) });
        var inputs = CloneInputs("web").SetItem("agent", Obj(("enabled", PropertyValue.True), ("timeout", S("30s")), ("waitForIp", Obj(("ipv4", PropertyValue.True)))));

        // Act
        var result = await pve.CreateAsync(VmType, inputs);

        // Assert
        Assert.Equal(Arr(S("lo"), S("eth0")), result.Outputs["networkInterfaceNames"]);
        Assert.Equal(Arr(Arr(S("127.0.0.1")), Arr(S("10.0.20.5"))), result.Outputs["ipv4Addresses"]);
        Assert.Equal(Arr(Arr(S("::1")), Arr(S("fe80::be24:11ff:fe00:0"))), result.Outputs["ipv6Addresses"]);
    }

    [Fact]
    public async Task Create_AgentNeverAnswers_WaitIsBoundedByAgentTimeoutAndKeepsTheVm()
    {
        // Arrange
        await using var pve = await StartAsync(new ProxmoxVEDoubleOptions { CloneDuration = TimeSpan.FromMilliseconds(5), TaskDuration = TimeSpan.FromMilliseconds(1), GuestAgentStartDelay = TimeSpan.FromHours(1) });
        var inputs = CloneInputs("web").SetItem("agent", Obj(("enabled", PropertyValue.True), ("timeout", S("150ms"))));

        // Act
        var result = await pve.CreateAsync(VmType, inputs);

        // Assert
        Assert.Equal("100", result.Id);
        Assert.Equal(Arr(), result.Outputs["ipv4Addresses"]);
        Assert.Contains(
            pve.ProgressLines,
            l => l == "the guest agent of VM 100 did not report addresses within 150ms (QEMU guest agent is not running); ipv4Addresses stay empty. "
                + "Install and start qemu-guest-agent in the guest, or set agent.enabled=false or a shorter agent.timeout");
        Assert.True(pve.Double.Guests[100].Running);
    }

    [Fact]
    public async Task Read_ExistingVm_RefreshesLiveFieldsAndGoneVmIsReportedGone()
    {
        // Arrange
        await using var pve = await StartAsync();
        var created = await pve.CreateAsync(VmType, CloneInputs("web").SetItem("tags", Arr(S("a"))));
        pve.Double.SetConfigOutOfBand(100, "tags", "b;a");
        var request = new ReadRequest { Urn = Urn(VmType, "r"), Id = created.Id!, Inputs = CloneInputs("web").SetItem("tags", Arr(S("a"))), State = created.Outputs };

        // Act
        var live = await pve.Provider.ReadAsync(request, TestContext.Current.CancellationToken);
        pve.Double.RemoveOutOfBand(100);
        var gone = await pve.Provider.ReadAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(Arr(S("a"), S("b")), live.Outputs!["tags"]);
        Assert.Equal(Arr(S("a"), S("b")), live.Inputs["tags"]);
        Assert.Null(gone.Outputs);
    }

    [Fact]
    public async Task Update_GrownDiskAndNewVlan_ResizesAndReconfiguresInPlace()
    {
        // Arrange
        await using var pve = await StartAsync();
        var olds = CloneInputs("web", diskGb: 20);
        var created = await pve.CreateAsync(VmType, olds);
        var news = CloneInputs("web", diskGb: 40).SetItem("networkDevices", Arr(Obj(("bridge", S("vmbr1")), ("vlanId", N(30)))));
        var mac = pve.Double.Guests[100].Config["net0"].Split(',')[0];

        // Act
        var updated = await pve.Provider.UpdateAsync(
            new UpdateRequest { Urn = Urn(VmType, "r"), Id = created.Id!, OldInputs = olds, OldOutputs = created.Outputs, NewInputs = news, Progress = pve.Progress },
            TestContext.Current.CancellationToken);

        // Assert
        var vm = pve.Double.Guests[100];
        Assert.Equal("local-lvm:vm-100-disk-0,size=40G", vm.Config["scsi0"]);
        Assert.Equal(mac + ",bridge=vmbr1,tag=30", vm.Config["net0"]);
        Assert.Equal(PropertyValue.Create(100), updated.Outputs["vmId"]);
        Assert.Equal(2, pve.Double.Tasks.Count(t => t.Type == "qmresize"));
    }

    [Fact]
    public async Task Update_Preview_KeepsComputedOutputsAndContactsNothing()
    {
        // Arrange
        await using var pve = await StartAsync();
        var olds = CloneInputs("web");
        var oldOutputs = olds.SetItem("vmId", N(123)).SetItem("macAddresses", Arr(S("BC:24:11:00:00:09")));
        var before = pve.Double.Requests.Count;

        // Act
        var result = await pve.Provider.UpdateAsync(
            new UpdateRequest { Urn = Urn(VmType, "r"), Id = "123", OldInputs = olds, OldOutputs = oldOutputs, NewInputs = olds.SetItem("name", S("web-2")), Preview = true },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(N(123), result.Outputs["vmId"]);
        Assert.Equal(S("web-2"), result.Outputs["name"]);
        Assert.Equal(Arr(S("BC:24:11:00:00:09")), result.Outputs["macAddresses"]);
        Assert.Equal(before, pve.Double.Requests.Count);
    }

    [Fact]
    public async Task Delete_RunningVm_ShutsDownThenDeletesWithPurge()
    {
        // Arrange
        await using var pve = await StartAsync();
        var created = await pve.CreateAsync(VmType, CloneInputs("web"));

        // Act
        await pve.Provider.DeleteAsync(new DeleteRequest { Urn = Urn(VmType, "r"), Id = created.Id!, Inputs = CloneInputs("web"), Outputs = created.Outputs, Progress = pve.Progress }, TestContext.Current.CancellationToken);

        // Assert
        Assert.DoesNotContain(100, pve.Double.Guests.Keys);
        Assert.Contains(pve.Double.Tasks, t => t.Type == "qmshutdown");
        var delete = Assert.Single(pve.Double.Requests, r => r.Method == "DELETE");
        Assert.Equal("nodes/pve/qemu/100", delete.Path);
        Assert.Equal("1", delete.Parameters["purge"]);
        Assert.Equal("1", delete.Parameters["destroy-unreferenced-disks"]);
    }

    [Fact]
    public async Task Delete_StopOnDestroy_StopsInsteadOfShuttingDownAndAlreadyGoneSucceeds()
    {
        // Arrange
        await using var pve = await StartAsync();
        var inputs = CloneInputs("web").SetItem("stopOnDestroy", PropertyValue.True);
        var created = await pve.CreateAsync(VmType, inputs);
        var request = new DeleteRequest { Urn = Urn(VmType, "r"), Id = created.Id!, Inputs = inputs, Outputs = created.Outputs };

        // Act
        await pve.Provider.DeleteAsync(request, TestContext.Current.CancellationToken);
        var again = await Record.ExceptionAsync(() => pve.Provider.DeleteAsync(request, TestContext.Current.CancellationToken));

        // Assert
        Assert.Null(again);
        Assert.Contains(pve.Double.Tasks, t => t.Type == "qmstop");
        Assert.DoesNotContain(pve.Double.Tasks, t => t.Type == "qmshutdown");
    }

    [Fact]
    public async Task Create_UsernameAndPassword_LogsInWithTicketAndCsrfToken()
    {
        // Arrange
        await using var pve = await StartAsync(config: server => Map(
            ("endpoint", S(server.Endpoint.ToString())),
            ("username", S(server.Options.Username)),
            ("password", PropertyValue.CreateSecret(S(server.Options.Password)))));

        // Act
        var result = await pve.CreateAsync(VmType, CloneInputs("web"));

        // Assert
        Assert.Equal("100", result.Id);
        Assert.Single(pve.Double.Requests, r => r.Path == "access/ticket");
    }
}
