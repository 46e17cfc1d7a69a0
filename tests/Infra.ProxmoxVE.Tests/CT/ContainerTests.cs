using Infra.Protocol.Values;
using Infra.ProxmoxVE.CT;
using Infra.Testing;

namespace Infra.ProxmoxVE.Tests.CT;

public sealed class ContainerTests
{
    [Fact]
    public async Task Constructor_Args_RegistersV8TokenAndWireNames()
    {
        // Arrange
        static void Program() => _ = new Container("dns", new ContainerArgs
        {
            NodeName = "pve",
            OperatingSystem = new ContainerOperatingSystemArgs { TemplateFileId = "local:vztmpl/debian-12.tar.zst", Type = "debian" },
            Initialization = new ContainerInitializationArgs
            {
                Hostname = "dns",
                UserAccount = new ContainerInitializationUserAccountArgs { Password = "ct-pass" },
            },
            NetworkInterfaces = [new ContainerNetworkInterfaceArgs { Name = "eth0", VlanId = 30 }],
            StartOnBoot = true,
        });

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, Program);

        // Assert
        var registration = result.RegistrationOf("proxmoxve:index/containerLegacy:ContainerLegacy", "dns");
        Assert.Equal("8.0.0", registration.Options.Version);
        Assert.Equal(PropertyValue.True, registration.Inputs["startOnBoot"]);
        Assert.Equal(PropertyValue.Create("local:vztmpl/debian-12.tar.zst"), registration.Inputs["operatingSystem"].ObjectValue["templateFileId"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("ct-pass")), registration.Inputs["initialization"].ObjectValue["userAccount"].ObjectValue["password"]);
        Assert.Equal(PropertyValue.Create(30), registration.Inputs["networkInterfaces"].ArrayValue[0].ObjectValue["vlanId"]);
    }

    [Fact]
    public void Constructor_InvalidArgs_ThrowsListingEveryProblem()
    {
        // Arrange
        var args = new ContainerArgs { NodeName = "", NetworkInterfaces = [new ContainerNetworkInterfaceArgs { Name = "eth0", VlanId = 0 }] };

        // Act
        var error = Assert.Throws<ProxmoxVEValidationException>(() => new Container("ct", args));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            "proxmoxve:index/containerLegacy:ContainerLegacy 'ct' has invalid arguments (3 problems):" + nl
            + "  ContainerArgs.NodeName: must not be empty (was '')" + nl
            + "  ContainerArgs.OperatingSystem: is required unless Clone is set (was null)" + nl
            + "  ContainerArgs.NetworkInterfaces[0].VlanId: must be between 1 and 4094 (was 0)",
            error.Message);
    }
}
