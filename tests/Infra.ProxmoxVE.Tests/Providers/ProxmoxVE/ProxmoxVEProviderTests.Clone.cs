using System.Globalization;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Protocol.Values;
using Infra.TestDoubles.ProxmoxVE;
using static Infra.ProxmoxVE.Tests.Providers.ProxmoxVE.PveHarness;

namespace Infra.ProxmoxVE.Tests.Providers.ProxmoxVE;

public sealed partial class ProxmoxVEProviderTests
{
    private static readonly ProxmoxVEDoubleOptions StrictLocks = new()
    {
        // A contender gives up long before ten serialized clones would be done: only scheduling avoids failures.
        CloneDuration = TimeSpan.FromMilliseconds(40),
        LockTimeout = TimeSpan.FromMilliseconds(60),
        TaskDuration = TimeSpan.FromMilliseconds(2),
    };

    [Fact]
    public async Task Create_CloneFromTemplate_ClonesConfiguresGrowsDiskStartsAndReportsProgress()
    {
        // Arrange
        await using var pve = await StartAsync();

        // Act
        var result = await pve.CreateAsync(VmType, CloneInputs("web-1", diskGb: 20));

        // Assert
        Assert.Equal("100", result.Id);
        var vm = pve.Double.Guests[100];
        Assert.True(vm.Running);
        Assert.Equal("web-1", vm.Config["name"]);
        Assert.Equal("2", vm.Config["cores"]);
        Assert.Equal("2048", vm.Config["memory"]);
        Assert.Equal("local-lvm:vm-100-disk-0,size=20G", vm.Config["scsi0"]);
        Assert.Matches("^virtio=BC:24:11:[0-9A-F:]{8},bridge=vmbr0,tag=20$", vm.Config["net0"]);
        Assert.Equal("ip=10.0.20.5/24,gw=10.0.20.1", vm.Config["ipconfig0"]);
        Assert.Equal("cloud-pass", vm.Config["cipassword"]);
        Assert.Equal("ssh-ed25519%20AAAA%20ops%40lab", vm.Config["sshkeys"]);
        Assert.Equal(PropertyValue.Create(100), result.Outputs["vmId"]);
        Assert.Equal(PropertyValue.CreateSecret(S("cloud-pass")), result.Outputs["initialization"].ObjectValue["userAccount"].ObjectValue["password"]);
        Assert.Equal(Arr(S(vm.Config["net0"].Split(',')[0].Split('=')[1])), result.Outputs["macAddresses"]);
        Assert.Contains(pve.ProgressLines, l => l.StartsWith("cloning VM 9000 to 100", StringComparison.Ordinal));
        Assert.Contains(pve.ProgressLines, l => l == "growing disk scsi0 of VM 100 from 8 GB to 20 GB");
        Assert.DoesNotContain(pve.ProgressLines, l => l.Contains("cloud-pass", StringComparison.Ordinal));
        Assert.All(pve.Double.Tasks, t => Assert.Equal("OK", t.ExitStatus));
        Assert.All(pve.Double.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Create_TenParallelClonesFromOneTemplate_AllSucceedWithoutLockTimeouts()
    {
        // Arrange
        await using var pve = await StartAsync(StrictLocks);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => pve.CreateAsync(VmType, CloneInputs("node-" + i), "node-" + i)));

        // Assert
        Assert.Equal(10, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(100, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), results.Select(r => r.Id!).Order());
        Assert.Equal(0, pve.Double.LockTimeouts);
        Assert.Equal(1, pve.Double.MaxConcurrentClones);
        Assert.All(Enumerable.Range(100, 10), id => Assert.True(pve.Double.Guests[id].Running));
    }

    [Fact]
    public async Task Create_ParallelClonesFromTwoProviderInstances_ShareTheGates()
    {
        // Arrange
        var server = await ProxmoxVEDouble.StartAsync(StrictLocks, TestContext.Current.CancellationToken);
        await using var _ = server;
        server.AddTemplate(TemplateId, "tpl");
        var root = new ProxmoxVEProvider(TimeProvider.System, options: FastOptions);
        var first = root.Factory("proxmoxve", null);
        var second = root.Factory("proxmoxve", "8.3.0");
        await first.ConfigureAsync(new Infra.Engine.Providers.ConfigureRequest { Config = TokenConfig(server) }, TestContext.Current.CancellationToken);
        await second.ConfigureAsync(new Infra.Engine.Providers.ConfigureRequest { Config = TokenConfig(server) }, TestContext.Current.CancellationToken);

        // Act
        var creates = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).CreateAsync(new Infra.Engine.Providers.CreateRequest { Urn = Urn(VmType, "vm" + i), Inputs = CloneInputs("vm" + i) }, TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(creates);

        // Assert
        Assert.Equal(6, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal(0, server.LockTimeouts);
    }

    [Fact]
    public async Task Create_CloneHitsLockTimeout_IsRetriedWithBackoff()
    {
        // Arrange
        await using var pve = await StartAsync();
        pve.Double.FailNextTask("qmclone", "can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");

        // Act
        var result = await pve.CreateAsync(VmType, CloneInputs("web"));

        // Assert
        Assert.Equal("100", result.Id);
        Assert.Equal(2, pve.Double.Tasks.Count(t => t.Type == "qmclone"));
        Assert.Contains(pve.ProgressLines, l => l.StartsWith("clone of 9000 hit a Proxmox lock timeout; retry 1 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_LockTimeoutsBeyondRetries_FailNamingTheKnob()
    {
        // Arrange
        await using var pve = await StartAsync();
        pve.Double.FailNextTask("qmclone", "can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");
        pve.Double.FailNextTask("qmclone", "can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");
        var inputs = CloneInputs("web").SetItem("clone", Obj(("vmId", N(TemplateId)), ("retries", N(1))));

        // Act
        var error = await Assert.ThrowsAsync<ProxmoxApiException>(() => pve.CreateAsync(VmType, inputs));

        // Assert
        Assert.Equal(
            "Cloning VM 9000 to 100 kept failing on a Proxmox lock timeout (can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout) after 1 retries; raise clone.retries or clone fewer VMs from this template at once.",
            error.Message);
        Assert.DoesNotContain(100, pve.Double.Guests.Keys);
    }

    [Fact]
    public async Task Create_VmIdTakenBetweenNextIdAndClone_AllocatesAnotherId()
    {
        // Arrange
        await using var pve = await StartAsync();
        pve.Double.SimulateVmIdRace();

        // Act
        var result = await pve.CreateAsync(VmType, CloneInputs("web"));

        // Assert
        Assert.Equal("101", result.Id);
        Assert.Equal("created-by-someone-else", pve.Double.Guests[100].Config["name"]);
        Assert.Equal("web", pve.Double.Guests[101].Config["name"]);
        Assert.Contains(pve.ProgressLines, l => l == "VM id 100 was taken meanwhile, allocating another");
    }

    [Fact]
    public async Task Create_ExplicitVmIdTaken_FailsNamingVmId()
    {
        // Arrange
        await using var pve = await StartAsync();

        // Act
        var error = await Assert.ThrowsAsync<ProxmoxApiException>(() => pve.CreateAsync(VmType, CloneInputs("web", vmId: TemplateId)));

        // Assert
        Assert.Equal("vmId 9000 is already used by another VM or container on the cluster; choose another vmId or leave it unset.", error.Message);
    }

    [Fact]
    public async Task Double_UnscheduledParallelClones_FailWithProxmoxLockTimeout()
    {
        // Arrange
        var options = new ProxmoxVEDoubleOptions { CloneDuration = TimeSpan.FromMilliseconds(300), LockTimeout = TimeSpan.FromMilliseconds(50) };
        await using var server = await ProxmoxVEDouble.StartAsync(options, TestContext.Current.CancellationToken);
        server.AddTemplate(TemplateId, "tpl");
        using var http = new HttpClient { BaseAddress = new Uri(server.Endpoint, "api2/json/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "PVEAPIToken=" + server.ApiToken);

        // Act
        var posts = Enumerable.Range(200, 4).Select(id => http.PostAsync(
            $"nodes/pve/qemu/{TemplateId}/clone",
            new FormUrlEncodedContent([KeyValuePair.Create("newid", id.ToString(CultureInfo.InvariantCulture)), KeyValuePair.Create("full", "1")]),
            TestContext.Current.CancellationToken));
        await Task.WhenAll(posts);
        while (server.Tasks.Any(t => t.Running))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        // Assert
        Assert.Contains(server.Tasks, t => t.ExitStatus == "can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");
        Assert.True(server.LockTimeouts > 0);
    }
}
