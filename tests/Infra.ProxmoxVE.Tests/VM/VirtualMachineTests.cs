using Infra.Protocol.Values;
using Infra.ProxmoxVE.VM;
using Infra.Testing;

namespace Infra.ProxmoxVE.Tests.VM;

public sealed class VirtualMachineTests
{
    private static VirtualMachineArgs CloneArgs() => new()
    {
        NodeName = "pve",
        Name = "web-1",
        Tags = ["web", "prod"],
        Clone = new VirtualMachineCloneArgs { VmId = 9000, Full = true, Retries = 3 },
        Cpu = new VirtualMachineCpuArgs { Cores = 2, Type = "x86-64-v2-AES" },
        Memory = new VirtualMachineMemoryArgs { Dedicated = 2048 },
        Disks = [new VirtualMachineDiskArgs { Interface = "scsi0", DatastoreId = "local-lvm", Size = 32, Speed = new VirtualMachineDiskSpeedArgs { Read = 100 } }],
        NetworkDevices = [new VirtualMachineNetworkDeviceArgs { Bridge = "vmbr0", VlanId = 20 }],
        Initialization = new VirtualMachineInitializationArgs
        {
            IpConfigs = [new VirtualMachineInitializationIpConfigArgs { Ipv4 = new VirtualMachineInitializationIpConfigIpv4Args { Address = "10.0.20.5/24", Gateway = "10.0.20.1" } }],
            UserAccount = new VirtualMachineInitializationUserAccountArgs { Username = "ops", Password = "cloud-pass", Keys = ["ssh-ed25519 AAAA ops"] },
            Dns = new VirtualMachineInitializationDnsArgs { Servers = ["10.0.0.53"] },
        },
        Agent = new VirtualMachineAgentArgs { Enabled = true, Timeout = "2m", WaitForIp = new VirtualMachineAgentWaitForIpArgs { Ipv4 = true } },
        StopOnDestroy = true,
    };

    [Fact]
    public async Task Constructor_CloneArgs_RegistersV8TokenPinnedVersionAndExactWireNames()
    {
        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, () => _ = new VirtualMachine("web-1", CloneArgs()));

        // Assert
        var registration = result.RegistrationOf("proxmoxve:index/vmLegacy:VmLegacy", "web-1");
        Assert.Equal("8.0.0", registration.Options.Version);
        var inputs = registration.Inputs;
        Assert.Equal(
            ["agent", "clone", "cpu", "disks", "initialization", "memory", "name", "networkDevices", "nodeName", "stopOnDestroy", "tags"],
            inputs.Keys);
        Assert.Equal(PropertyValue.Create(9000), inputs["clone"].ObjectValue["vmId"]);
        Assert.Equal(PropertyValue.Create(3), inputs["clone"].ObjectValue["retries"]);
        Assert.Equal(PropertyValue.Create("x86-64-v2-AES"), inputs["cpu"].ObjectValue["type"]);
        Assert.Equal(PropertyValue.Create(32), inputs["disks"].ArrayValue[0].ObjectValue["size"]);
        Assert.Equal(PropertyValue.Create(100), inputs["disks"].ArrayValue[0].ObjectValue["speed"].ObjectValue["read"]);
        Assert.Equal(PropertyValue.Create(20), inputs["networkDevices"].ArrayValue[0].ObjectValue["vlanId"]);
        var init = inputs["initialization"].ObjectValue;
        Assert.Equal(PropertyValue.Create("10.0.20.5/24"), init["ipConfigs"].ArrayValue[0].ObjectValue["ipv4"].ObjectValue["address"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("cloud-pass")), init["userAccount"].ObjectValue["password"]);
        Assert.Equal(PropertyValue.Create("2m"), inputs["agent"].ObjectValue["timeout"]);
        Assert.Equal(PropertyValue.True, inputs["agent"].ObjectValue["waitForIp"].ObjectValue["ipv4"]);
    }

    [Fact]
    public async Task Constructor_OptionsVersion_OverridesPinnedVersion()
    {
        // Act
        var result = await Deployment.TestAsync(
            new EchoMocks(),
            null,
            () => _ = new VirtualMachine("vm", new VirtualMachineArgs { NodeName = "pve" }, new CustomResourceOptions { Version = "8.3.0" }));

        // Assert
        Assert.Equal("8.3.0", result.RegistrationOf("proxmoxve:index/vmLegacy:VmLegacy", "vm").Options.Version);
    }

    [Fact]
    public void Constructor_InvalidArgs_ThrowsOneExceptionListingEveryProblem()
    {
        // Arrange
        var args = new VirtualMachineArgs
        {
            NodeName = "pve",
            VmId = 42,
            Tags = ["ok", "bad tag"],
            Cpu = new VirtualMachineCpuArgs { Cores = 0 },
            Memory = new VirtualMachineMemoryArgs { Dedicated = 1024, Floating = 2048 },
            Disks =
            [
                new VirtualMachineDiskArgs { Interface = "scsi0", Size = 0 },
                new VirtualMachineDiskArgs { Interface = "nvme0" },
            ],
            NetworkDevices = [new VirtualMachineNetworkDeviceArgs { VlanId = 5000, Model = "ne2k" }],
            Initialization = new VirtualMachineInitializationArgs
            {
                IpConfigs = [new VirtualMachineInitializationIpConfigArgs { Ipv4 = new VirtualMachineInitializationIpConfigIpv4Args { Address = "10.0.0.5" } }],
            },
            Agent = new VirtualMachineAgentArgs { Timeout = "15 minutes" },
        };

        // Act
        var error = Assert.Throws<ProxmoxVEValidationException>(() => new VirtualMachine("web", args));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "proxmoxve:index/vmLegacy:VmLegacy 'web' has invalid arguments (10 problems):" + nl
            + "  VirtualMachineArgs.VmId: must be between 100 and 999999999 (was 42)" + nl
            + "  VirtualMachineArgs.Tags[1]: must start with a letter, digit or '_' and contain only letters, digits and _-+. (was 'bad tag')" + nl
            + "  VirtualMachineArgs.Cpu.Cores: must be at least 1 (was 0)" + nl
            + "  VirtualMachineArgs.Memory.Floating: must not exceed Memory.Dedicated (1024 MB) (was 2048)" + nl
            + "  VirtualMachineArgs.Disks[0].Size: must be at least 1 (was 0)" + nl
            + "  VirtualMachineArgs.Disks[1].Interface: must be scsi0-30, sata0-5, virtio0-15 or ide0-3 (was 'nvme0')" + nl
            + "  VirtualMachineArgs.NetworkDevices[0].VlanId: must be between 1 and 4094 (was 5000)" + nl
            + "  VirtualMachineArgs.NetworkDevices[0].Model: must be one of virtio, e1000, e1000e, rtl8139, vmxnet3 (was 'ne2k')" + nl
            + "  VirtualMachineArgs.Initialization.IpConfigs[0].Ipv4.Address: must be an IPv4 CIDR such as 10.0.0.5/24, or dhcp (was '10.0.0.5')" + nl
            + "  VirtualMachineArgs.Agent.Timeout: must be a duration such as 15m, 90s or 1h30m (was '15 minutes')",
            error.Message);
        Assert.Equal("web", error.ResourceName);
        Assert.Equal(VirtualMachine.TypeToken, error.TypeToken);
    }

    [Fact]
    public void Constructor_UserPasswordInvalidElsewhere_NeverShowsThePassword()
    {
        // Arrange
        var args = new VirtualMachineArgs
        {
            NodeName = "pve",
            Initialization = new VirtualMachineInitializationArgs
            {
                UserAccount = new VirtualMachineInitializationUserAccountArgs { Password = "top-secret-pw" },
                UserDataFileId = "local:snippets/user.yaml",
            },
        };

        // Act
        var error = Assert.Throws<ProxmoxVEValidationException>(() => new VirtualMachine("vm", args));

        // Assert
        Assert.Contains("VirtualMachineArgs.Initialization.UserAccount: conflicts with UserDataFileId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("top-secret-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_ValueFromAnotherResource_IsLeftToTheProvider()
    {
        // Arrange
        var pending = new TaskCompletionSource<int>();
        var vlan = Output.Create(pending.Task);

        // Act
        var result = await Deployment.TestAsync(
            new EchoMocks(),
            null,
            () =>
            {
                _ = new VirtualMachine("vm", new VirtualMachineArgs { NodeName = "pve", NetworkDevices = [new VirtualMachineNetworkDeviceArgs { VlanId = vlan }] });
                pending.SetResult(9999);
            });

        // Assert
        Assert.Equal(PropertyValue.Create(9999), result.RegistrationOf(VirtualMachine.TypeToken, "vm").Inputs["networkDevices"].ArrayValue[0].ObjectValue["vlanId"]);
    }
}
