using Infra.Engine.Providers;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Protocol.Values;
using Infra.ProxmoxVE.VM;
using Infra.TestDoubles.ProxmoxVE;
using Infra.Testing;

namespace Infra.ProxmoxVE.Tests.Providers.ProxmoxVE;

/// <summary>What the typed SDK puts on the wire is what the built-in provider understands.</summary>
public sealed class SdkToProviderTests
{
    [Fact]
    public async Task TypedProviderAndVm_RegisteredInputs_AreDeployedByTheBuiltInProvider()
    {
        // Arrange
        await using var server = await ProxmoxVEDouble.StartAsync(
            new ProxmoxVEDoubleOptions { CloneDuration = TimeSpan.FromMilliseconds(5), TaskDuration = TimeSpan.FromMilliseconds(1) },
            TestContext.Current.CancellationToken);
        server.AddTemplate(9000, "tpl");
        var program = await Deployment.TestAsync(new EchoMocks(), null, () =>
        {
            var pve = new Provider("pve", new ProviderArgs
            {
                Endpoint = server.Endpoint.ToString(),
                ApiToken = server.ApiToken,
                Insecure = true,
                Ssh = new ProviderSshArgs { Username = "root", Agent = true },
            });
            _ = new VirtualMachine("web", new VirtualMachineArgs
            {
                NodeName = "pve",
                Name = "web",
                Tags = ["web", "prod"],
                Clone = new VirtualMachineCloneArgs { VmId = 9000 },
                Disks = [new VirtualMachineDiskArgs { Interface = "scsi0", Size = 16 }],
                NetworkDevices = [new VirtualMachineNetworkDeviceArgs { VlanId = 40 }],
                Initialization = new VirtualMachineInitializationArgs
                {
                    UserAccount = new VirtualMachineInitializationUserAccountArgs { Username = "ops", Password = "pw" },
                },
            }, new CustomResourceOptions { Provider = pve });
        });
        var providerInputs = program.RegistrationOf("pulumi:providers:proxmoxve", "pve").Inputs;
        var vmInputs = program.RegistrationOf(VirtualMachine.TypeToken, "web").Inputs;
        var provider = new ProxmoxVEProvider(TimeProvider.System, options: PveHarness.FastOptions).Factory("proxmoxve", "8.0.0");
        var urn = PveHarness.Urn(VirtualMachine.TypeToken, "web");

        // Act
        await provider.ConfigureAsync(new ConfigureRequest { Config = PropertyMaps.Create(providerInputs.Where(p => p.Key != "version")) }, TestContext.Current.CancellationToken);
        var check = await provider.CheckAsync(new CheckRequest { Urn = urn, Olds = PropertyMaps.Empty, News = vmInputs }, TestContext.Current.CancellationToken);
        var created = await provider.CreateAsync(new CreateRequest { Urn = urn, Inputs = check.Inputs }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(check.Failures);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("prod"), PropertyValue.Create("web")]), check.Inputs["tags"]);
        var vm = server.Guests[int.Parse(created.Id!, System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal("prod;web", vm.Config["tags"]);
        Assert.Equal("local-lvm:vm-100-disk-0,size=16G", vm.Config["scsi0"]);
        Assert.EndsWith(",bridge=vmbr0,tag=40", vm.Config["net0"], StringComparison.Ordinal);
        Assert.Equal("pw", vm.Config["cipassword"]);
        Assert.True(vm.Running);
    }
}
