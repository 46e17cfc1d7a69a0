namespace Infra.ProxmoxVE.CT;

public sealed partial class ContainerArgs
{
    internal void Validate(ArgsProblems problems, string path)
    {
        problems.CheckNotEmpty($"{path}.{nameof(NodeName)}", NodeName);
        problems.CheckRange($"{path}.{nameof(VmId)}", VmId, 100, 999_999_999);
        if (OperatingSystem is null && Clone is null)
        {
            problems.Add($"{path}.{nameof(OperatingSystem)}", "is required unless Clone is set", null);
        }

        if (OperatingSystem is { } os)
        {
            problems.CheckRule($"{path}.{nameof(OperatingSystem)}.{nameof(os.TemplateFileId)}", os.TemplateFileId, ProxmoxRules.IsFileId, "must have the shape <datastore>:vztmpl/<file>");
        }

        var interfaces = ArgsProblems.Items(NetworkInterfaces);
        for (var i = 0; i < interfaces.Length; i++)
        {
            var at = $"{path}.{nameof(NetworkInterfaces)}[{i}]";
            problems.CheckNotEmpty($"{at}.Name", interfaces[i].Name);
            problems.CheckRange($"{at}.VlanId", interfaces[i].VlanId, 1, 4094);
            problems.CheckRange($"{at}.Mtu", interfaces[i].Mtu, 576, 65520);
            problems.CheckRule($"{at}.MacAddress", interfaces[i].MacAddress, ProxmoxRules.IsMacAddress, "must be a MAC address such as BC:24:11:00:00:01");
        }

        if (Disk is { } disk)
        {
            problems.CheckMin($"{path}.{nameof(Disk)}.{nameof(disk.Size)}", disk.Size, 1);
        }

        if (Cpu is { } cpu)
        {
            problems.CheckMin($"{path}.{nameof(Cpu)}.{nameof(cpu.Cores)}", cpu.Cores, 1);
        }

        if (Memory is { } memory)
        {
            problems.CheckMin($"{path}.{nameof(Memory)}.{nameof(memory.Dedicated)}", memory.Dedicated, 16);
            problems.CheckMin($"{path}.{nameof(Memory)}.{nameof(memory.Swap)}", memory.Swap, 0);
        }

        var configs = Initialization is null ? [] : ArgsProblems.Items(Initialization.IpConfigs);
        for (var i = 0; i < configs.Length; i++)
        {
            var at = $"{path}.{nameof(Initialization)}.IpConfigs[{i}]";
            problems.CheckRule($"{at}.Ipv4.Address", configs[i].Ipv4?.Address, ProxmoxRules.IsIpv4Address, "must be an IPv4 CIDR such as 10.0.0.5/24, or dhcp");
            problems.CheckRule($"{at}.Ipv6.Address", configs[i].Ipv6?.Address, ProxmoxRules.IsIpv6Address, "must be an IPv6 CIDR, dhcp or auto");
        }
    }
}
